"""Conjugate gradient for a symmetric positive definite system, with a
callback that keeps each iterate and residual vector for the convergence
study.  The vectors are rebound every iteration, and each stored one is the
whole new array."""
import numpy as np


class CGInfo:
    def __init__(self):
        self.iterates = []
        self.residuals = []
        self.norms = []

    def __call__(self, k, x, r):
        self.iterates.append(x)
        self.residuals.append(r)
        self.norms.append(float(np.linalg.norm(r)))


def conjugate_gradient(matvec, b, x0=None, maxiter=50, rtol=1e-10, callback=None):
    x = np.zeros_like(b) if x0 is None else x0.copy()
    r = b - matvec(x)
    p = r.copy()
    rs = r @ r
    bnorm = np.linalg.norm(b)
    for k in range(maxiter):
        Ap = matvec(p)
        alpha = rs / (p @ Ap)
        x = x + alpha * p
        r = r - alpha * Ap
        if callback is not None:
            callback(k, x, r)
        rs_new = r @ r
        if np.sqrt(rs_new) < rtol * bnorm:
            break
        p = r + (rs_new / rs) * p
        rs = rs_new
    return x


def poisson_1d(n):
    def matvec(v):
        out = 2.0 * v
        out[1:] -= v[:-1]
        out[:-1] -= v[1:]
        return out
    return matvec


def scenario():
    n = 200000
    info = CGInfo()
    conjugate_gradient(poisson_1d(n), np.ones(n), maxiter=20, callback=info)
    return info.iterates, info.residuals
