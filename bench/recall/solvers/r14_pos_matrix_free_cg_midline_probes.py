"""A matrix-free Poisson solve with `scipy.sparse.linalg.LinearOperator` and
`cg`, as in the matrix-free examples of numerical-methods notebooks and
preconditioning tutorials: the 5-point Laplacian is never assembled; a closure
made by `make_operator` reshapes the Krylov vector to the grid, applies the
stencil with slices of a zero-padded copy, and returns the flattened result.
For a convergence movie the closure also records, at each application, the
mid-line of the stencil output, `lap[n // 2]`: a row of the new `(n, n)` array
each matvec makes, so every recorded row pins one whole grid."""
import numpy as np
from scipy.sparse.linalg import LinearOperator, cg


def make_operator(n, probes, h=1.0):
    inv_h2 = 1.0 / (h * h)

    def matvec(v):
        u = np.pad(v.reshape(n, n), 1)
        lap = (4.0 * u[1:-1, 1:-1] - u[:-2, 1:-1] - u[2:, 1:-1]
               - u[1:-1, :-2] - u[1:-1, 2:]) * inv_h2
        probes.append(lap[n // 2])  # expect: VL002
        return lap.ravel()

    return LinearOperator((n * n, n * n), matvec=matvec, dtype=np.float64)


def solve_poisson(n=320, maxiter=60):
    probes = []
    A = make_operator(n, probes, h=1.0 / (n + 1))
    x = np.linspace(0.0, 1.0, n)
    f = np.outer(np.sin(np.pi * x), np.sin(2 * np.pi * x)).ravel()
    sol, info = cg(A, f, maxiter=maxiter)
    return sol.reshape(n, n), probes


def scenario():
    field, probes = solve_poisson()
    return probes
