"""Lanczos tridiagonalisation of a large sparse-ish symmetric operator, as
used for the extreme eigenvalues of a graph Laplacian.  The Krylov basis is
preallocated once (`V = np.zeros((n, m + 1))`) and each new vector is written
into a column; the driver keeps the list of basis columns (views of that one
basis) together with the tridiagonal coefficients for later restarts."""
import numpy as np


def laplacian_matvec(x):
    y = 2.0 * x
    y[1:] -= x[:-1]
    y[:-1] -= x[1:]
    return y


def lanczos(matvec, n, m=40, seed=0):
    rng = np.random.default_rng(seed)
    V = np.zeros((n, m + 1))
    v = rng.standard_normal(n)
    V[:, 0] = v / np.linalg.norm(v)
    alphas, betas, basis = [], [], []
    beta = 0.0
    for j in range(m):
        w = matvec(V[:, j])
        alpha = float(V[:, j] @ w)
        w = w - alpha * V[:, j]
        if j > 0:
            w = w - beta * V[:, j - 1]
        w -= V[:, : j + 1] @ (V[:, : j + 1].T @ w)
        beta = float(np.linalg.norm(w))
        alphas.append(alpha)
        betas.append(beta)
        basis.append(V[:, j])
        if beta < 1e-12:
            break
        V[:, j + 1] = w / beta
    return basis, np.array(alphas), np.array(betas[:-1])


def scenario():
    basis, a, b = lanczos(laplacian_matvec, n=40000)
    return basis, a, b
