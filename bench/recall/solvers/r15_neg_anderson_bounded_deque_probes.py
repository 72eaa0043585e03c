"""Anderson acceleration of a fixed-point iteration for a coupled
reaction-diffusion steady state, after the `Anderson` mixers of SCF and
deep-equilibrium code: the last `m` residual differences and iterate
differences are kept in `collections.deque(maxlen=m)` and the mixing
coefficients come from `np.linalg.lstsq`.  The monitor also keeps, for the
live plot, a probe of each of the last few iterates (`z[:probe]`, a view of
that iteration's new `z`), but in a `deque(maxlen=window)` too: at most
`window` iterates stay alive, however long the solve runs."""
from collections import deque

import numpy as np


def make_map(n, d=0.2, k=0.3):
    def g(z):
        u, v = z[:n], z[n:]
        lap_u = np.roll(u, 1) - 2 * u + np.roll(u, -1)
        lap_v = np.roll(v, 1) - 2 * v + np.roll(v, -1)
        u_new = u + d * lap_u - k * u * v + 0.05
        v_new = v + d * lap_v + k * u * v - 0.1 * v
        return np.concatenate([u_new, v_new])
    return g


class Anderson:
    def __init__(self, m=5):
        self.dF = deque(maxlen=m)
        self.dG = deque(maxlen=m)
        self.prev = None

    def mix(self, z, gz):
        f = gz - z
        if self.prev is not None:
            f_old, g_old = self.prev
            self.dF.append(f - f_old)
            self.dG.append(gz - g_old)
        self.prev = (f, gz)
        if not self.dF:
            return gz
        dF = np.stack(self.dF, axis=1)
        gamma = np.linalg.lstsq(dF, f, rcond=None)[0]
        return gz - np.stack(self.dG, axis=1) @ gamma


def solve(n=40000, iters=150, probe=256, window=6):
    g = make_map(n)
    z = np.concatenate([np.full(n, 0.5), np.full(n, 0.25)])
    acc = Anderson()
    recent = deque(maxlen=window)
    for it in range(iters):
        z = acc.mix(z, g(z))
        recent.append(z[:probe])
    return z.mean(), recent


def scenario():
    return solve()
