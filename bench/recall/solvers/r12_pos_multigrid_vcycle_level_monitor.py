"""Geometric multigrid for the 1-D Poisson problem -u'' = f, as in the
multigrid tutorials and teaching codes written after Briggs' "A Multigrid
Tutorial": a recursive V-cycle (weighted-Jacobi pre-smoothing, full-weighting
restriction of the residual, a recursive solve for the error on the coarse
grid, linear prolongation, post-smoothing), repeated until the residual is
small.  A monitor keeps, per level, a coarse sample of every residual it sees
(`monitor.setdefault(level, []).append(r[::step])`) for a plot of how the
smoother damps each frequency.  The residual is a new array in every call:
each sample pins a whole residual of its level, the finest ones most of all."""
import numpy as np


def apply_a(u, h):
    au = np.empty_like(u)
    au[1:-1] = (2 * u[1:-1] - u[:-2] - u[2:]) / (h * h)
    au[0] = au[-1] = 0.0
    return au


def jacobi(u, f, h, sweeps, omega=2.0 / 3.0):
    for _ in range(sweeps):
        u_new = u.copy()
        u_new[1:-1] = (1 - omega) * u[1:-1] + omega * 0.5 * (u[:-2] + u[2:] + h * h * f[1:-1])
        u = u_new
    return u


def restrict(r):
    rc = r[::2].copy()
    rc[1:-1] = 0.25 * r[1:-2:2] + 0.5 * r[2:-1:2] + 0.25 * r[3::2]
    return rc


def prolong(ec):
    e = np.zeros(2 * (ec.size - 1) + 1)
    e[::2] = ec
    e[1::2] = 0.5 * (ec[:-1] + ec[1:])
    return e


def v_cycle(u, f, h, monitor, level=0, nu=3, n_samples=64):
    if u.size <= 5:
        return jacobi(u, f, h, 50)
    u = jacobi(u, f, h, nu)
    r = f - apply_a(u, h)
    step = max(1, r.size // n_samples)
    monitor.setdefault(level, []).append(r[::step])  # expect: VL002
    ec = v_cycle(np.zeros((r.size + 1) // 2), restrict(r), 2 * h, monitor, level + 1, nu)
    u = u + prolong(ec)
    return jacobi(u, f, h, nu)


def solve(n_levels=18, cycles=8):
    n = 2 ** n_levels + 1
    x = np.linspace(0.0, 1.0, n)
    h = x[1] - x[0]
    f = np.pi ** 2 * np.sin(np.pi * x) + 9 * np.pi ** 2 * np.sin(3 * np.pi * x)
    u = np.zeros(n)
    monitor = {}
    for _ in range(cycles):
        u = v_cycle(u, f, h, monitor)
    return u, monitor


def scenario():
    u, monitor = solve()
    return u[::4096].copy(), monitor
