"""Gauss-Newton curve fitting with a tracing decorator, as in notebooks and
course notes that record an optimiser's history by wrapping the objective:
`@traced` stores what each call returns in an attribute of the wrapper
function itself (`wrapper.history`), read after the fit to plot how the first
residuals shrink.  The step is solved with `scipy.linalg.lstsq` on the
Jacobian, with step halving until the cost drops.  The residual vector is new
per call (model minus data over every sample), and `res[:probe]` is a slice
of it: each traced call pins its whole residual vector."""
import functools

import numpy as np
from scipy import linalg


def traced(probe=32):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(params, *args):
            res = fn(params, *args)
            wrapper.history.append(res[:probe])  # expect: VL002
            return res
        wrapper.history = []
        return wrapper
    return deco


def model(t, p):
    a, k, c = p
    return a * np.exp(-k * t) + c


@traced(probe=32)
def residuals(p, t, y):
    return model(t, p) - y


def jacobian(p, t):
    a, k, _ = p
    e = np.exp(-k * t)
    return np.column_stack([e, -a * t * e, np.ones_like(t)])


def gauss_newton(t, y, p0, n_iter=12, tol=1e-12):
    p = np.asarray(p0, dtype=float)
    r = residuals(p, t, y)
    cost = 0.5 * float(r @ r)
    for _ in range(n_iter):
        J = jacobian(p, t)
        step, *_ = linalg.lstsq(J, -r)
        lam = 1.0
        while lam > 1e-4:
            trial = p + lam * step
            r_new = residuals(trial, t, y)
            new_cost = 0.5 * float(r_new @ r_new)
            if new_cost < cost:
                break
            lam *= 0.5
        if cost - new_cost < tol * cost:
            break
        p, r, cost = trial, r_new, new_cost
    return p


def scenario():
    rng = np.random.default_rng(0)
    t = np.linspace(0.0, 10.0, 200_000)
    y = model(t, (3.0, 0.7, 0.5)) + 0.05 * rng.standard_normal(t.size)
    p = gauss_newton(t, y, p0=(1.0, 0.1, 0.0))
    return p, residuals.history
