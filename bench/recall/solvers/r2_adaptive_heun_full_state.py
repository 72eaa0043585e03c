"""Adaptive Heun-Euler integration of a damped particle system; the full state
is checkpointed every few accepted steps for restarts."""
import numpy as np


def rhs(y, k=1.5, damping=0.05):
    pos, vel = y[:, :3], y[:, 3:]
    return np.concatenate([vel, -k * pos - damping * vel], axis=1)


def integrate(y0, t_end=2.0, h=0.05, tol=1e-3, max_steps=500, every=10):
    t = 0.0
    y = y0
    accepted = 0
    checkpoints = {}
    while t < t_end:
        k1 = rhs(y)
        y_euler = y + h * k1
        y_heun = y + 0.5 * h * (k1 + rhs(y_euler))
        err = np.abs(y_heun - y_euler).max()
        if err > tol:
            h *= 0.5
            continue
        t += h
        y = y_heun
        accepted += 1
        if accepted % every == 0:
            checkpoints[round(t, 6)] = y
        if accepted >= max_steps:
            break
        h = min(h * 1.5, t_end - t) if err < tol / 4 else h
    return checkpoints


def scenario():
    rng = np.random.default_rng(0)
    y0 = np.concatenate([rng.normal(size=(20000, 3)), np.zeros((20000, 3))], axis=1)
    return integrate(y0)
