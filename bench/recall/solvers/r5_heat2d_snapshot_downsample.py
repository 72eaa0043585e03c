"""Explicit 2-D heat equation stepped until the field stops changing.  For the
animation afterwards the solver keeps a coarse snapshot of the field every
`snapshot_every` steps (every 8th grid point in each direction, which is all
the plot needs), together with the simulated time."""
import numpy as np


def laplacian(u, h):
    lap = np.zeros_like(u)
    lap[1:-1, 1:-1] = (
        u[2:, 1:-1] + u[:-2, 1:-1] + u[1:-1, 2:] + u[1:-1, :-2] - 4.0 * u[1:-1, 1:-1]
    ) / (h * h)
    return lap


def initial_field(n):
    x = np.linspace(-1.0, 1.0, n)
    xx, yy = np.meshgrid(x, x, indexing="ij")
    return np.exp(-20.0 * (xx ** 2 + yy ** 2))


class HeatSolver:
    def __init__(self, n=512, alpha=1.0, snapshot_every=10, stride=8):
        self.h = 2.0 / (n - 1)
        self.dt = 0.2 * self.h * self.h / alpha
        self.alpha = alpha
        self.snapshot_every = snapshot_every
        self.stride = stride
        self.times = []
        self.snapshots = []

    def run(self, u0, tol=1e-6, max_steps=200):
        u = u0
        step = 0
        while True:
            u_new = u + self.dt * self.alpha * laplacian(u, self.h)
            change = np.max(np.abs(u_new - u))
            u = u_new
            step += 1
            if step % self.snapshot_every == 0:
                self.times.append(step * self.dt)
                self.snapshots.append(u[:: self.stride, :: self.stride])  # expect: VL001
            if change < tol or step >= max_steps:
                break
        return u


def scenario():
    solver = HeatSolver(n=384)
    solver.run(initial_field(384), max_steps=150)
    return solver.snapshots
