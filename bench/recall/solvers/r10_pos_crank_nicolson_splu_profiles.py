"""2-D heat equation by Crank-Nicolson on a sparse five-point Laplacian, as in
teaching and research PDE scripts that build the operator with scipy.sparse
(`kron` of 1-D `diags`) and factorise the left-hand matrix once
(`scipy.sparse.linalg.factorized`), then step `u = solve(B @ u)`.  Every
`record_every` steps the centre-line temperature profile is appended to a list
for plotting: `u.reshape(n, n)[n // 2]` is one row of a view of that step's
solution vector, so each saved profile pins a whole solution."""
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import factorized


def laplacian_2d(n, h):
    main = -2.0 * np.ones(n)
    off = np.ones(n - 1)
    d2 = sp.diags([off, main, off], [-1, 0, 1]) / h ** 2
    eye = sp.identity(n)
    return sp.kron(eye, d2) + sp.kron(d2, eye)


def crank_nicolson(n=200, alpha=1.0, dt=1e-4, n_steps=120, record_every=2):
    h = 1.0 / (n + 1)
    lap = laplacian_2d(n, h)
    eye = sp.identity(n * n)
    A = (eye - 0.5 * alpha * dt * lap).tocsc()
    B = (eye + 0.5 * alpha * dt * lap).tocsr()
    solve = factorized(A)

    x = np.linspace(h, 1 - h, n)
    X, Y = np.meshgrid(x, x, indexing="ij")
    u = np.exp(-80 * ((X - 0.5) ** 2 + (Y - 0.5) ** 2)).ravel()

    times, profiles = [], []
    for step in range(1, n_steps + 1):
        u = solve(B @ u)
        if step % record_every == 0:
            times.append(step * dt)
            profiles.append(u.reshape(n, n)[n // 2])  # expect: VL001
    return times, profiles


def scenario():
    return crank_nicolson()
