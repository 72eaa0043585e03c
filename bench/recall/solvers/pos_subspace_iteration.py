"""Block power (subspace) iteration for the leading eigenvectors of a
graph Laplacian; the leading vector of every iterate is kept to plot how
it converges."""
import numpy as np


def ring_laplacian(n, rng):
    w = rng.uniform(0.5, 1.5, size=n)
    L = np.zeros((n, n))
    idx = np.arange(n)
    L[idx, (idx + 1) % n] = -w
    L[(idx + 1) % n, idx] = -w
    L[idx, idx] = -L.sum(axis=1)
    return L


def subspace_iteration(A, k, n_iter=30, seed=0):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((A.shape[0], k)))
    leading = []
    ritz_values = []
    for _ in range(n_iter):
        Z = A @ Q
        Q, R = np.linalg.qr(Z)
        leading.append(Q[:, 0])  # expect: VL001
        ritz_values.append(np.abs(np.diag(R)).tolist())
    return Q, leading, ritz_values


def scenario():
    rng = np.random.default_rng(2)
    L = ring_laplacian(1200, rng)
    _, leading, ritz = subspace_iteration(L, k=32)
    return leading, ritz
