"""Smoothed total-variation denoising of a long 1-D signal with
`scipy.optimize.minimize(..., method="L-BFGS-B", jac=True, callback=...)`, as in
the signal-processing notebooks and inverse-problem scripts that track their
iterates: the objective returns the loss and its gradient, and a small tracker
object is passed as the callback to keep a coarse preview of every iterate
(`xk[::stride]`, a few hundred samples) for an animation of the convergence.
SciPy calls the callback with a new array at every iteration (measured on SciPy
1.10: a copy of the solver's current point), and a strided slice is a view:
each preview pins one whole iterate."""
import numpy as np
from scipy.optimize import minimize


def tv_objective(x, y, lam=0.8, eps=1e-3):
    d = np.diff(x)
    s = np.sqrt(d * d + eps)
    loss = 0.5 * np.sum((x - y) ** 2) + lam * np.sum(s)
    g = x - y
    w = lam * d / s
    g[:-1] -= w
    g[1:] += w
    return loss, g


class PreviewTracker:
    def __init__(self, n, n_preview=256):
        self.stride = max(1, n // n_preview)
        self.frames = []
        self.calls = 0

    def __call__(self, xk):
        self.calls += 1
        self.frames.append(xk[::self.stride])  # expect: VL002


def denoise(y, lam=0.8, maxiter=40):
    tracker = PreviewTracker(y.size)
    res = minimize(tv_objective, np.zeros_like(y), args=(y, lam), jac=True,
                   method="L-BFGS-B", callback=tracker,
                   options={"maxiter": maxiter})
    return res.x, tracker


def scenario():
    rng = np.random.default_rng(0)
    n = 200_000
    t = np.linspace(0, 1, n)
    clean = np.sign(np.sin(2 * np.pi * 7 * t))
    x, tracker = denoise(clean + 0.4 * rng.standard_normal(n))
    return x[::1000].copy(), tracker.frames
