"""Fit a large sparse-feature logistic model's weights by Adam on a quadratic
surrogate; the optimiser's diagnostics are kept for the convergence plot."""
import numpy as np

from adam import Adam


def surrogate_grad(w, target, curvature):
    return curvature * (w - target)


def fit(n_params=400_000, n_steps=20, seed=0):
    rng = np.random.default_rng(seed)
    target = rng.normal(size=n_params)
    curvature = rng.uniform(0.5, 2.0, size=n_params)
    w = np.zeros(n_params)
    opt = Adam(lr=0.05)
    for _ in range(n_steps):
        w = opt.step(w, surrogate_grad(w, target, curvature))
    return opt.history


def scenario():
    return fit()
