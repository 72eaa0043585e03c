"""Derivative-free calibration with the downhill simplex, after SciPy's
`_minimize_neldermead` (`scipy/optimize/_optimize.py`) with
`return_all=True`: at the top of each iteration the simplex is sorted by
`np.take(sim, ind, 0)` and `np.take(fsim, ind, 0)`, which rebinds `sim` to a
new `(N + 1, N)` array, then reflection, expansion, contraction or shrink
update its rows in place; with `retall` the best vertex `sim[0]` is appended
to `allvecs` every iteration.  `sim[0]` is a row of that iteration's sorted
simplex, so the list of iterates pins one whole simplex per iteration."""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class SimplexOptions:
    maxiter: int = 400
    xatol: float = 1e-8
    fatol: float = 1e-8
    return_all: bool = True
    initial_step: float = 0.05
    coeffs: dict = field(default_factory=lambda: {"rho": 1.0, "chi": 2.0, "psi": 0.5, "sigma": 0.5})


def initial_simplex(x0, step):
    n = len(x0)
    sim = np.empty((n + 1, n), dtype=x0.dtype)
    sim[0] = x0
    for k in range(n):
        y = np.array(x0, copy=True)
        y[k] = (1 + step) * y[k] if y[k] != 0 else 0.00025
        sim[k + 1] = y
    return sim


def minimize_simplex(fun, x0, opts=None):
    opts = opts or SimplexOptions()
    rho, chi, psi, sigma = (opts.coeffs[k] for k in ("rho", "chi", "psi", "sigma"))
    x0 = np.asarray(x0, dtype=float)
    sim = initial_simplex(x0, opts.initial_step)
    fsim = np.array([fun(v) for v in sim])
    allvecs = [sim[0].copy()] if opts.return_all else None
    nit = 0
    while nit < opts.maxiter:
        ind = np.argsort(fsim)
        sim = np.take(sim, ind, 0)
        fsim = np.take(fsim, ind, 0)
        if (np.max(np.abs(sim[1:] - sim[0])) <= opts.xatol
                and np.max(np.abs(fsim[0] - fsim[1:])) <= opts.fatol):
            break
        xbar = np.add.reduce(sim[:-1], 0) / (len(sim) - 1)
        xr = (1 + rho) * xbar - rho * sim[-1]
        fxr = fun(xr)
        doshrink = False
        if fxr < fsim[0]:
            xe = (1 + rho * chi) * xbar - rho * chi * sim[-1]
            fxe = fun(xe)
            if fxe < fxr:
                sim[-1], fsim[-1] = xe, fxe
            else:
                sim[-1], fsim[-1] = xr, fxr
        elif fxr < fsim[-2]:
            sim[-1], fsim[-1] = xr, fxr
        else:
            xc = (1 + psi * rho) * xbar - psi * rho * sim[-1]
            fxc = fun(xc)
            if fxc <= min(fxr, fsim[-1]):
                sim[-1], fsim[-1] = xc, fxc
            else:
                doshrink = True
        if doshrink:
            for j in range(1, len(sim)):
                sim[j] = sim[0] + sigma * (sim[j] - sim[0])
                fsim[j] = fun(sim[j])
        nit += 1
        if opts.return_all:
            allvecs.append(sim[0])  # expect: VL001
    best = int(np.argmin(fsim))
    return {"x": sim[best].copy(), "fun": float(fsim[best]), "nit": nit, "allvecs": allvecs}


class ExposureModel:
    """Least-squares calibration of per-channel gains against a reference."""

    def __init__(self, n_channels=60, n_samples=200, seed=0):
        rng = np.random.default_rng(seed)
        self.true_gain = rng.uniform(0.5, 1.5, n_channels)
        self.inputs = rng.uniform(0, 1, (n_samples, n_channels))
        self.target = self.inputs @ self.true_gain

    def loss(self, gain):
        r = self.inputs @ gain - self.target
        return float(r @ r) + 0.01 * float(np.sum((gain - 1.0) ** 2))


def scenario():
    model = ExposureModel()
    return minimize_simplex(model.loss, np.ones(60))
