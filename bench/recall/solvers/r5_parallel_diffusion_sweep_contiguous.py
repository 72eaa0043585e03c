"""Parameter sweep of a 2-D diffusion solver over several diffusivities, run
in a thread pool with `executor.map`.  Each run keeps coarse snapshots for
the report; they are made contiguous (`np.ascontiguousarray`) so the plotting
backend can hand them to the renderer directly."""
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def step(u, dt, alpha, h):
    out = u.copy()
    out[1:-1, 1:-1] += dt * alpha * (
        u[2:, 1:-1] + u[:-2, 1:-1] + u[1:-1, 2:] + u[1:-1, :-2] - 4.0 * u[1:-1, 1:-1]
    ) / (h * h)
    return out


def simulate(alpha, n=384, n_steps=120, every=10, stride=8):
    h = 2.0 / (n - 1)
    dt = 0.2 * h * h / alpha
    x = np.linspace(-1.0, 1.0, n)
    u = np.exp(-25.0 * (x[:, None] ** 2 + x[None, :] ** 2))
    frames = []
    k = 0
    while True:
        u = step(u, dt, alpha, h)
        k += 1
        if k % every == 0:
            frames.append(np.ascontiguousarray(u[::stride, ::stride]))
        if k >= n_steps:
            break
    return alpha, frames


def sweep(alphas=(0.5, 1.0, 2.0)):
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(simulate, alphas))


def scenario():
    return sweep()
