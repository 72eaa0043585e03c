"""Newton's method for the 1-D Bratu problem -u'' = lam * exp(u) on a fine grid,
with a sparse tridiagonal Jacobian assembled each iteration with
`scipy.sparse.diags` and solved with `spsolve`, as in the nonlinear-BVP examples
of scientific-computing courses.  For a convergence report the solver keeps,
per Newton step, the Jacobian row at the mid-point as a dense vector:
`J.tocsr()[mid]` is a 1 x n sparse row (a new matrix), and `.toarray()[0]`
takes the only row of its own small dense array, so nothing of the n x n
operator (which is never densified) is kept beyond that row itself."""
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve


def residual(u, h, lam):
    upad = np.concatenate(([0.0], u, [0.0]))
    return -(upad[:-2] - 2.0 * upad[1:-1] + upad[2:]) / h ** 2 - lam * np.exp(u)


def jacobian(u, h, lam):
    n = u.size
    main = 2.0 / h ** 2 - lam * np.exp(u)
    off = np.full(n - 1, -1.0 / h ** 2)
    return sp.diags([off, main, off], [-1, 0, 1], format="csc")


def newton_bratu(n=20_000, lam=2.0, tol=1e-10, maxiter=30):
    h = 1.0 / (n + 1)
    u = np.zeros(n)
    mid = n // 2
    report = []
    for k in range(maxiter):
        F = residual(u, h, lam)
        J = jacobian(u, h, lam)
        du = spsolve(J, -F)
        u = u + du
        report.append({"step": k, "norm": float(np.linalg.norm(du)),
                       "jac_row": J.tocsr()[mid].toarray()[0]})
        if np.linalg.norm(du) < tol * np.sqrt(n):
            break
    return u, report


def scenario():
    u, report = newton_bratu()
    return u[::100].copy(), report
