"""Explicit finite-difference solver for the 2-D heat equation, with a probe
column recorded every step (the 'thermocouple' trace)."""
import numpy as np


class HeatSolver2D:
    def __init__(self, nx, ny, alpha=1.0, dx=1.0, probe_col=None):
        self.u = np.zeros((ny, nx))
        self.alpha = alpha
        self.dx = dx
        self.dt = 0.2 * dx * dx / alpha
        self.probe_col = nx // 4 if probe_col is None else probe_col
        self.t = 0.0
        self.times = []
        self.probes = []

    def set_hot_spot(self, cy, cx, r, temp=100.0):
        yy, xx = np.mgrid[:self.u.shape[0], :self.u.shape[1]]
        self.u[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] = temp

    def laplacian(self, u):
        lap = np.zeros_like(u)
        lap[1:-1, 1:-1] = (u[2:, 1:-1] + u[:-2, 1:-1] + u[1:-1, 2:] + u[1:-1, :-2]
                           - 4 * u[1:-1, 1:-1]) / self.dx ** 2
        return lap

    def step(self):
        self.u = self.u + self.dt * self.alpha * self.laplacian(self.u)
        self.t += self.dt

    def run(self, n_steps, record_every=1):
        for n in range(n_steps):
            self.step()
            if n % record_every == 0:
                self.times.append(self.t)
                self.probes.append(self.u[:, self.probe_col])  # expect: VL001
        return self.times, self.probes


def scenario():
    solver = HeatSolver2D(256, 256)
    solver.set_hot_spot(128, 128, 20)
    return solver.run(60)
