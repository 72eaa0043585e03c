"""A red-black Gauss-Seidel smoother for the 1-D Poisson problem written as
a generator, after the `jacobi_method` generators of numerical-analysis
course notes that `yield` each iterate and let the caller decide when to stop
(`for r in result: ...; if t > 10: break`).  This one updates the solution in
place (`u[1:-1:2] = ...` on the red points, then the black ones) and yields
the same array every sweep; the caller keeps a few boundary-near values
(`u[:3]`) every tenth sweep and the residual norm of each sweep.  All kept
heads are views of one array, which the caller keeps anyway."""
import numpy as np


def gauss_seidel_sweeps(f, h, u=None):
    n = f.shape[0]
    u = np.zeros(n) if u is None else u
    h2 = h * h
    while True:
        u[1:-1:2] = 0.5 * (u[0:-2:2] + u[2::2] + h2 * f[1:-1:2])
        u[2:-1:2] = 0.5 * (u[1:-2:2] + u[3::2] + h2 * f[2:-1:2])
        yield u


def residual(u, f, h):
    r = np.zeros_like(u)
    r[1:-1] = f[1:-1] + (u[:-2] - 2 * u[1:-1] + u[2:]) / (h * h)
    return r


def solve(n=400_001, max_sweeps=60, tol=1e-8):
    x = np.linspace(0.0, 1.0, n)
    h = x[1] - x[0]
    f = np.pi ** 2 * np.sin(np.pi * x)
    heads, norms = [], []
    for k, u in enumerate(gauss_seidel_sweeps(f, h)):
        r = residual(u, f, h)
        norms.append(float(np.linalg.norm(r[1:-1]) * np.sqrt(h)))
        if k % 10 == 0:
            heads.append(u[:3])
        if norms[-1] < tol or k + 1 >= max_sweeps:
            break
    return u, heads, norms


def scenario():
    return solve()
