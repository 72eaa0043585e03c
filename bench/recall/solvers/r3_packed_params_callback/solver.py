"""Gradient descent with backtracking, with a minimize()-like signature:
fun returns (loss, grad), callback gets the unpacked parameters each iterate."""
import numpy as np


class OptimizeResult(dict):
    __getattr__ = dict.__getitem__


def minimize_gd(fun, x0, args=(), callback=None, unpack=None, maxiter=100, lr=1.0, tol=1e-6, **options):
    shrink = options.get("shrink", 0.5)
    x = np.array(x0, dtype=float)
    f, g = fun(x, *args)
    nit = 0
    for nit in range(1, maxiter + 1):
        step = lr
        while True:
            x_new = x - step * g
            f_new, g_new = fun(x_new, *args)
            if f_new <= f - 0.5 * step * (g @ g) or step < 1e-8:
                break
            step *= shrink
        x, f, g = x_new, f_new, g_new
        if callback is not None:
            callback(unpack(x) if unpack else x)
        if np.linalg.norm(g) < tol:
            break
    return OptimizeResult(x=x, fun=f, jac=g, nit=nit)
