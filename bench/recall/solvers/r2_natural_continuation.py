"""Natural-parameter continuation of a Bratu-type boundary value problem,
written recursively: each level solves at the next parameter with Newton,
starting from the previous solution; a few interior values are logged."""
import numpy as np


def newton_bratu(u, lam, h, n_newton=3):
    for _ in range(n_newton):
        lap = np.empty_like(u)
        lap[1:-1] = (u[:-2] - 2 * u[1:-1] + u[2:]) / h ** 2
        lap[0] = lap[-1] = 0.0
        residual = lap + lam * np.exp(u)
        u = u + 0.05 * h ** 2 * residual
        u[0] = u[-1] = 0.0
    return u


def continuation(u, lam, lam_end, d_lam, h, log):
    if lam > lam_end:
        return u
    u_next = newton_bratu(u, lam, h)
    log.append((lam, u_next[1:5]))  # expect: VL002
    return continuation(u_next, lam + d_lam, lam_end, d_lam, h, log)


def scenario():
    n = 400_000
    h = 1.0 / (n - 1)
    log = []
    continuation(np.zeros(n), 0.0, 2.0, 0.1, h, log)
    return log
