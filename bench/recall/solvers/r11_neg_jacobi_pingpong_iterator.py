"""Weighted Jacobi iteration for a 2-D Poisson problem written as an iterator
class (`__iter__` / `__next__`), as in teaching codes and multigrid smoothers
that step a solver with `for u in solver:`.  The iterate lives in two
preallocated grids used in turn (ping-pong buffers, every update written with
`out=`), so `__next__` hands back one of the same two arrays each time.  The
monitor keeps the values at a few probe points with an integer-array index (a
copy) and the residual norm: nothing keeps a grid per step."""
import numpy as np


class JacobiIterator:
    def __init__(self, f, h, omega=0.8, max_iter=200):
        self.f = f
        self.h2 = h * h
        self.omega = omega
        self.max_iter = max_iter
        self.u = np.zeros_like(f)
        self.buf = np.zeros_like(f)
        self.k = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.k >= self.max_iter:
            raise StopIteration
        u, out = self.u, self.buf
        inner = out[1:-1, 1:-1]
        np.add(u[:-2, 1:-1], u[2:, 1:-1], out=inner)
        inner += u[1:-1, :-2]
        inner += u[1:-1, 2:]
        inner += self.h2 * self.f[1:-1, 1:-1]
        inner *= 0.25 * self.omega
        inner += (1.0 - self.omega) * u[1:-1, 1:-1]
        self.u, self.buf = out, u
        self.k += 1
        return self.u


def residual_norm(u, f, h2):
    lap = (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4 * u[1:-1, 1:-1]) / h2
    return float(np.linalg.norm(lap + f[1:-1, 1:-1]))


def scenario(n=400):
    h = 1.0 / (n - 1)
    yy, xx = np.mgrid[0:n, 0:n] * h
    f = np.sin(np.pi * xx) * np.sin(np.pi * yy)
    probes = np.array([n // 4, n // 2, 3 * n // 4])
    history = []
    solver = JacobiIterator(f, h, max_iter=150)
    for step, u in enumerate(solver):
        if step % 10 == 0:
            history.append((step, u[probes, probes], residual_norm(u, f, h * h)))
    return history
