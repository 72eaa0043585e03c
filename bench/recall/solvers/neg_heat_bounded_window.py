"""Explicit heat-equation stepping; the centre row of the last few states
is kept in a bounded window to estimate the local rate of change."""
from collections import deque

import numpy as np


def step(u, dt=0.2):
    lap = np.zeros_like(u)
    lap[1:-1, 1:-1] = u[2:, 1:-1] + u[:-2, 1:-1] + u[1:-1, 2:] + u[1:-1, :-2] - 4 * u[1:-1, 1:-1]
    return u + dt * lap


def run(u, n_steps=80, window=3):
    recent = deque(maxlen=window)
    rates = []
    mid = u.shape[0] // 2
    for _ in range(n_steps):
        u = step(u)
        recent.append(u[mid])
        if len(recent) == window:
            rates.append(float(np.abs(recent[-1] - recent[0]).max()))
    return recent, rates


def scenario():
    u = np.zeros((256, 256))
    u[100:156, 100:156] = 100.0
    return run(u)
