"""Unshifted QR iteration for the eigenvalues of a symmetric matrix, as in a
numerical-linear-algebra course notebook: A_{k+1} = R_k Q_k.  The diagonal of
every iterate is recorded to plot how the eigenvalue estimates converge, and
the loop is an index loop that stops early once the off-diagonal mass is
small."""
import numpy as np


def make_spd(n, seed=0):
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    eigs = np.geomspace(1.0, 50.0, n)
    return (q * eigs) @ q.T


def off_diagonal_norm(a):
    return np.sqrt(np.sum(a * a) - np.sum(np.diag(a) ** 2))


def qr_iteration(a, max_iter=25, tol=1e-8):
    estimates = []
    k = 0
    while k < max_iter:
        q, r = np.linalg.qr(a)
        a = r @ q
        estimates.append(np.diag(a))  # expect: VL001
        if off_diagonal_norm(a) < tol:
            break
        k += 1
    return estimates


def scenario():
    return qr_iteration(make_spd(400))
