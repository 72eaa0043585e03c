"""Power iteration with a Rayleigh-quotient log; the whole normalised
iterate is kept each step (it is the whole array, nothing more is pinned)."""
import numpy as np


def power_iteration(A, n_iter=50, seed=0):
    rng = np.random.default_rng(seed)
    v = rng.standard_normal(A.shape[0])
    v /= np.linalg.norm(v)
    iterates, rayleigh = [], []
    for _ in range(n_iter):
        w = A @ v
        v = w / np.linalg.norm(w)
        iterates.append(v)
        rayleigh.append(float(v @ A @ v))
    return iterates, rayleigh


def scenario():
    rng = np.random.default_rng(1)
    B = rng.standard_normal((1000, 1000))
    return power_iteration(B @ B.T / 1000)
