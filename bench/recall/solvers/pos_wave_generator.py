"""Leapfrog time stepping of the 1-D wave equation on many independent
strings (a batch), written as a generator of states; the caller samples
the first string's displacement every few steps."""
import numpy as np


def leapfrog(u0, c=1.0, dx=0.01, dt=0.005, n_steps=200):
    u_prev = u0.copy()
    u = u0.copy()
    r2 = (c * dt / dx) ** 2
    for n in range(n_steps):
        u_next = np.empty_like(u)
        u_next[:, 1:-1] = 2 * u[:, 1:-1] - u_prev[:, 1:-1] + r2 * (
            u[:, 2:] - 2 * u[:, 1:-1] + u[:, :-2])
        u_next[:, 0] = 0.0
        u_next[:, -1] = 0.0
        u_prev, u = u, u_next
        yield n * dt, u


def record_first_string(u0, every=4):
    snapshots = {}
    for t, u in leapfrog(u0):
        if int(round(t / 0.005)) % every == 0:
            snapshots[t] = u[0]  # expect: VL002
    return snapshots


def scenario():
    x = np.linspace(0, 1, 400)
    amps = np.linspace(0.5, 1.5, 64)[:, None]
    u0 = amps * np.exp(-200 * (x[None] - 0.3) ** 2)
    return record_first_string(u0)
