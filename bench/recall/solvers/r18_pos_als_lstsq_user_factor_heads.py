"""Collaborative filtering by alternating least squares, after the ALS
matrix-factorisation scripts of recommender-system tutorials that solve each
half with `np.linalg.lstsq(..., rcond=None)[0]`: each sweep solves the item
factors from the user factors, then the user factors from the item factors
(`lstsq(V, R.T)[0].T`), and a monitor keeps the first few users' factor rows
after every sweep to plot how they converge.  The solution `lstsq` returns is
a new `(k, n_users)` array each sweep; `.T` and `[:4]` are views of it, so
the monitor pins one whole factor matrix per sweep."""
import numpy as np


def make_ratings(n_users, n_items, rank, seed=0):
    rng = np.random.default_rng(seed)
    U = rng.normal(size=(n_users, rank))
    V = rng.normal(size=(n_items, rank))
    return U @ V.T + 0.1 * rng.normal(size=(n_users, n_items))


def als(R, k=32, n_sweeps=30, n_watch=4, seed=1):
    rng = np.random.default_rng(seed)
    U = rng.normal(scale=0.1, size=(R.shape[0], k))
    watched = []
    errors = []
    for sweep in range(n_sweeps):
        V = np.linalg.lstsq(U, R, rcond=None)[0].T
        U = np.linalg.lstsq(V, R.T, rcond=None)[0].T
        watched.append(U[:n_watch])  # expect: VL001
        errors.append(float(np.sqrt(np.mean((R - U @ V.T) ** 2))))
    return U, V, watched, errors


def scenario():
    R = make_ratings(3000, 200, 8)
    _, _, watched, errors = als(R)
    return watched, errors
