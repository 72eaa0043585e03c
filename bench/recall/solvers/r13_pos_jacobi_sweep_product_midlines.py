"""Parameter study of a weighted-Jacobi solver for the 2-D Poisson problem, as in
the numerical-methods course scripts that search for the best relaxation factor:
`itertools.product(omegas, amplitudes)` runs the solver once per pair; each run
iterates `while it < maxiter:` with a convergence test that `break`s, and the
`while ... else:` clause warns when the run used up its iterations.  Each sweep
returns a new field (`(1 - omega) * u + omega * new`), and after the run the
results dict keeps the iteration count, the last residual and the mid-line
profile `u[n // 2]` for the comparison plot: a row of the last field, which pins
that whole field for every run of the study."""
import itertools
import warnings

import numpy as np


def weighted_jacobi_sweep(u, f, h2, omega):
    new = u.copy()
    new[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2]
                              + u[1:-1, 2:] + h2 * f[1:-1, 1:-1])
    return (1.0 - omega) * u + omega * new


def source(n, amplitude):
    x = np.linspace(0.0, 1.0, n)
    xx, yy = np.meshgrid(x, x, indexing="ij")
    return amplitude * np.exp(-80.0 * ((xx - 0.5) ** 2 + (yy - 0.4) ** 2))


def study(n=300, omegas=(0.6, 0.8, 1.0), amplitudes=(1.0, 5.0, 10.0, 20.0),
          tol=1e-7, maxiter=40):
    h2 = (1.0 / (n - 1)) ** 2
    runs = {}
    for omega, amp in itertools.product(omegas, amplitudes):
        f = source(n, amp)
        u = np.zeros((n, n))
        it, res = 0, np.inf
        while it < maxiter:
            u_next = weighted_jacobi_sweep(u, f, h2, omega)
            res = float(np.abs(u_next - u).max())
            u = u_next
            it += 1
            if res < tol * amp:
                break
        else:
            warnings.warn(f"omega={omega} amp={amp}: no convergence after {it} sweeps")
        runs[(omega, amp)] = {"iters": it, "residual": res, "midline": u[n // 2]}  # expect: VL002
    return runs


def scenario():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study()
