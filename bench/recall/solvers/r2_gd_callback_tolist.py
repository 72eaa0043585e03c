"""Nesterov-accelerated (path kept as plain floats) gradient descent on a large least-squares problem, with
a scipy-style callback; the first two coordinates are traced for the contour
plot of the optimisation path."""
import numpy as np


def nesterov(grad, x0, lr, n_iter=30, callback=None):
    x = x0
    y = x0
    for k in range(n_iter):
        x_next = y - lr * grad(y)
        y = x_next + (k / (k + 3)) * (x_next - x)
        x = x_next
        if callback is not None:
            callback(x)
    return x


def solve(n=300_000, seed=0):
    rng = np.random.default_rng(seed)
    diag = rng.uniform(1.0, 4.0, size=n)
    b = rng.normal(size=n)

    def grad(x):
        return diag * x - b

    path = []
    x = nesterov(grad, np.zeros(n), lr=0.2,
                 callback=lambda xk: path.append(xk[:2].tolist()))
    return float(np.abs(diag * x - b).max()), path


def scenario():
    return solve()
