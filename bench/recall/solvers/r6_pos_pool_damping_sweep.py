"""Parameter sweep of a damped oscillator chain, one process per setting.

`multiprocessing.Pool.imap` runs the integrator for each damping value; each
worker returns the full trajectory (steps x state).  The driver keeps only the
final state of each run, for the bifurcation plot, and counts the runs that
blew up."""
import multiprocessing as mp

import numpy as np


def rhs(y, damping, k=4.0):
    n = y.size // 2
    x, v = y[:n], y[n:]
    lap = np.zeros_like(x)
    lap[1:-1] = x[2:] - 2 * x[1:-1] + x[:-2]
    return np.concatenate([v, k * lap - damping * v - x ** 3])


def integrate(damping, n=200, n_steps=2500, dt=0.01):
    rng = np.random.default_rng(int(damping * 1000))
    y = np.concatenate([rng.standard_normal(n) * 0.1, np.zeros(n)])
    traj = np.empty((n_steps, 2 * n))
    for i in range(n_steps):
        k1 = rhs(y, damping)
        k2 = rhs(y + 0.5 * dt * k1, damping)
        y = y + dt * k2
        traj[i] = y
    return traj


def sweep(dampings=(0.0, 0.05, 0.1, 0.2, 0.4, 0.8)):
    finals = []
    blown_up = 0
    with mp.Pool(processes=2) as pool:
        for traj in pool.imap(integrate, dampings):
            if not np.all(np.isfinite(traj[-1])):
                blown_up += 1
                continue
            finals.append(traj[-1])  # expect: VL001
    return finals, blown_up


def scenario():
    return sweep()
