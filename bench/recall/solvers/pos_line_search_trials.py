"""Gradient descent with Armijo backtracking on a high-dimensional
Rosenbrock function; every trial point's first two coordinates are logged
for the 2-D slice plot of the line searches."""
import numpy as np


def rosenbrock(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2))


def rosenbrock_grad(x):
    g = np.zeros_like(x)
    g[:-1] = -400.0 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2 * (1 - x[:-1])
    g[1:] += 200.0 * (x[1:] - x[:-1] ** 2)
    return g


def backtracking(f, x, fx, g, p, trial_log, alpha=1.0, rho=0.5, c=1e-4, max_trials=30):
    slope = float(g @ p)
    for _ in range(max_trials):
        x_trial = x + alpha * p
        trial_log.append(x_trial[:2])  # expect: VL001
        if f(x_trial) <= fx + c * alpha * slope:
            return alpha, x_trial
        alpha *= rho
    return alpha, x


def minimize(x0, n_iter=6):
    x = x0
    trial_log = []
    values = []
    for _ in range(n_iter):
        fx = rosenbrock(x)
        g = rosenbrock_grad(x)
        _, x = backtracking(rosenbrock, x, fx, g, -g, trial_log)
        values.append(fx)
    return x, trial_log, values


def scenario():
    x0 = np.full(150_000, -1.2)
    x0[1::2] = 1.0
    _, trial_log, values = minimize(x0)
    return trial_log, values
