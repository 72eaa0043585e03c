"""Polyak heavy-ball iteration as a generator of iterates; the caller stacks a
few coordinates of each iterate into one array for the trajectory figure."""
import itertools

import numpy as np


def heavy_ball(A_diag, b, alpha=0.1, beta=0.6):
    x_prev = np.zeros_like(b)
    x = np.zeros_like(b)
    while True:
        x, x_prev = x - alpha * (A_diag * x - b) + beta * (x - x_prev), x
        yield x


def trajectory(n=250_000, n_iter=40, seed=0):
    rng = np.random.default_rng(seed)
    A_diag = rng.uniform(0.5, 3.0, size=n)
    b = rng.normal(size=n)
    coords = np.array([x[:3] for x in itertools.islice(heavy_ball(A_diag, b), n_iter)])
    return coords


def scenario():
    return trajectory()
