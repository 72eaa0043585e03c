"""Adaptive Heun-Euler integration of a damped particle system with step-size
control; the first probe particles are checkpointed at every accepted step."""
import numpy as np


def rhs(y, k=1.5, damping=0.05):
    pos, vel = y[:, :3], y[:, 3:]
    return np.concatenate([vel, -k * pos - damping * vel], axis=1)


def integrate(y0, t_end=2.0, h=0.05, tol=1e-3, max_steps=500, n_probe=4):
    t = 0.0
    y = y0
    checkpoints = {}
    for _ in range(max_steps):
        k1 = rhs(y)
        y_euler = y + h * k1
        y_heun = y + 0.5 * h * (k1 + rhs(y_euler))
        err = np.abs(y_heun - y_euler).max()
        if err > tol:
            h *= 0.5
            continue
        t += h
        y = y_heun
        checkpoints[round(t, 6)] = y[:n_probe]  # expect: VL001
        if t >= t_end:
            break
        h = min(h * 1.5, t_end - t) if err < tol / 4 else h
    else:
        raise RuntimeError("step budget exhausted at t=%g" % t)
    return checkpoints


def scenario():
    rng = np.random.default_rng(0)
    y0 = np.concatenate([rng.normal(size=(20000, 3)), np.zeros((20000, 3))], axis=1)
    return integrate(y0)
