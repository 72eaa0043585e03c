"""EM for a Gaussian mixture stepped one iteration at a time with scikit-learn
(`GaussianMixture(warm_start=True, max_iter=1)` refitted in a loop), as in
notebooks that plot how the components move during EM.  Each step records the
means with the components sorted by weight (`gm.means_[order]`, a fancy index:
a copy), the weights and the lower bound, so the history owns its own small
arrays and keeps no fitted state alive."""
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture


def blobs(rng, n=20000, d=16, k=5):
    centers = rng.normal(scale=6.0, size=(k, d))
    labels = rng.integers(0, k, size=n)
    return centers[labels] + rng.normal(size=(n, d))


def em_history(X, k=5, n_steps=60, seed=0):
    gm = GaussianMixture(n_components=k, covariance_type="full", warm_start=True,
                         max_iter=1, random_state=seed)
    history = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for step in range(n_steps):
            gm.fit(X)
            order = np.argsort(gm.weights_)[::-1]
            history.append({
                "step": step,
                "means": gm.means_[order],
                "weights": gm.weights_[order],
                "lower_bound": float(gm.lower_bound_),
            })
    return history


def scenario():
    rng = np.random.default_rng(0)
    return em_history(blobs(rng))
