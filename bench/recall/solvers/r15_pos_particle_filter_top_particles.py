"""A bootstrap particle filter for a nonlinear growth model, after the
sequential Monte Carlo examples of filtering courses and robotics
localisation code: particles are propagated, weighted by the likelihood of
the observation, and resampled with `np.random.choice(n, n, p=w)` whenever the
effective sample size drops (`particles = particles[idx]`, a new array).  For
the diagnostics plot the filter keeps, each step, the particles ordered by
weight: `particles[order][:n_show]` is a slice of the new ordered array, so
each step's record pins all of that step's particles."""
import numpy as np


def transition(particles, t, rng):
    x = particles
    drift = 0.5 * x + 25 * x / (1 + x ** 2) + 8 * np.cos(1.2 * t)
    return drift + rng.normal(0, np.sqrt(10.0), size=x.shape)


def likelihood(particles, y, r=1.0):
    pred = particles[:, 0] ** 2 / 20.0
    return np.exp(-0.5 * (y - pred) ** 2 / r)


class BootstrapFilter:
    def __init__(self, n_particles=20000, dim=8, n_show=16, seed=0):
        self.rng = np.random.default_rng(seed)
        np.random.seed(seed)
        self.particles = self.rng.normal(0, 2, size=(n_particles, dim))
        self.weights = np.full(n_particles, 1.0 / n_particles)
        self.n_show = n_show
        self.top = []

    def n_eff(self):
        return 1.0 / np.sum(self.weights ** 2)

    def step(self, t, y):
        n = len(self.weights)
        self.particles = transition(self.particles, t, self.rng)
        w = self.weights * likelihood(self.particles, y)
        self.weights = w / w.sum()
        if self.n_eff() < n / 2:
            idx = np.random.choice(n, n, p=self.weights)
            self.particles = self.particles[idx]
            self.weights = np.full(n, 1.0 / n)
        order = np.argsort(-self.weights)
        ranked = self.particles[order]
        self.top.append(ranked[: self.n_show])  # expect: VL002
        return self.weights @ self.particles[:, 0]


def scenario(steps=40):
    rng = np.random.default_rng(1)
    pf = BootstrapFilter()
    x = 0.1
    estimates = []
    for t in range(steps):
        x = 0.5 * x + 25 * x / (1 + x ** 2) + 8 * np.cos(1.2 * t) + rng.normal(0, 3)
        estimates.append(pf.step(t, x ** 2 / 20.0 + rng.normal()))
    return estimates, pf
