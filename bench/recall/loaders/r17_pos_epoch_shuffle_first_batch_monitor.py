"""A NumPy-only logistic-regression trainer with its own minibatch iterator: each epoch draws a
permutation, gathers the shuffled copy `X[perm]` once, and yields contiguous slices of it.  To watch
how predictions on a fixed-size sample drift, the trainer keeps the first eight rows of the first
batch of every epoch.  Those rows are a slice of the batch, which is a slice of that epoch's shuffled
copy: the monitor pins one whole shuffled copy of the training set per epoch.  Written after small
NumPy/JAX training scripts whose `iterate_minibatches` shuffles with `permutation` and fancy indexing
and then yields `x[start:start + batch_size]`."""
import numpy as np


def iterate_minibatches(X, y, batch_size, rng):
    perm = rng.permutation(len(X))
    X_shuf, y_shuf = X[perm], y[perm]
    for start in range(0, len(X) - batch_size + 1, batch_size):
        yield X_shuf[start:start + batch_size], y_shuf[start:start + batch_size]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sgd_step(w, xb, yb, lr=0.1):
    grad = xb.T @ (sigmoid(xb @ w) - yb) / len(xb)
    return w - lr * grad


def scenario(n=12_000, d=48, n_epochs=12, batch_size=256):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d))
    y = (X[:, 0] + 0.5 * rng.standard_normal(n) > 0).astype(np.float64)
    w = np.zeros(d)
    monitor = []
    for epoch in range(n_epochs):
        for step, (xb, yb) in enumerate(iterate_minibatches(X, y, batch_size, rng)):
            w = sgd_step(w, xb, yb)
            if step == 0:
                monitor.append(xb[:8])  # expect: VL002
    drift = [sigmoid(rows @ w) for rows in monitor]
    return monitor, drift
