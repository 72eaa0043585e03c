"""Tikhonov smoothing of a long 1-D signal solved with the conjugate gradient
method of `scipy.sparse.linalg.cg`, as in the regularised-inversion and
graph-smoothing scripts that pass a callback to watch the solve: the system
`(I + lam * L) x = y` is sparse, and a closure keeps a coarse preview of each
iterate (`xk[::stride]`) for a convergence animation.  Unlike the optimisers
of `scipy.optimize`, SciPy's CG (1.10) hands the callback its own working
vector, updated in place at every iteration: every preview is a view of the
same array, so the frames pin one iterate's memory in all."""
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import cg


def laplacian_1d(n):
    main = np.full(n, 2.0)
    main[[0, -1]] = 1.0
    off = -np.ones(n - 1)
    return sp.diags([off, main, off], [-1, 0, 1], format="csr")


def smooth(y, lam=50.0, maxiter=60, n_preview=256):
    a = sp.identity(y.size, format="csr") + lam * laplacian_1d(y.size)
    stride = max(1, y.size // n_preview)
    frames = []

    def watch(xk):
        frames.append(xk[::stride])

    x, info = cg(a, y, x0=np.zeros_like(y), maxiter=maxiter, callback=watch)
    return x, frames, info


def scenario():
    rng = np.random.default_rng(0)
    n = 300_000
    t = np.linspace(0, 1, n)
    y = np.sin(2 * np.pi * 3 * t) + 0.3 * rng.standard_normal(n)
    x, frames, info = smooth(y)
    return x[::1000].copy(), frames
