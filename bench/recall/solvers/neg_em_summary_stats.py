"""EM for a Gaussian mixture keeping only per-iteration summaries: the
log-likelihood, the component masses (a reduction) and the means (the
whole array, small)."""
import numpy as np


def e_step(X, means, variances, weights):
    diff = X[:, None, :] - means[None]
    log_p = -0.5 * (diff ** 2 / variances[None]).sum(-1) - 0.5 * np.log(variances).sum(-1)
    log_p += np.log(weights)[None]
    m = log_p.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(log_p - m).sum(axis=1, keepdims=True))
    return np.exp(log_p - log_norm), float(log_norm.sum())


def fit_gmm(X, k, n_iter=12, seed=0):
    rng = np.random.default_rng(seed)
    means = X[rng.choice(len(X), k, replace=False)]
    variances = np.ones((k, X.shape[1]))
    weights = np.full(k, 1.0 / k)
    history = {"loglik": [], "mass": [], "means": []}
    for _ in range(n_iter):
        resp, ll = e_step(X, means, variances, weights)
        nk = resp.sum(axis=0) + 1e-10
        weights = nk / nk.sum()
        means = resp.T @ X / nk[:, None]
        variances = resp.T @ (X ** 2) / nk[:, None] - means ** 2 + 1e-6
        history["loglik"].append(ll)
        history["mass"].append(nk)
        history["means"].append(means)
    return history


def scenario():
    rng = np.random.default_rng(1)
    X = np.concatenate([rng.normal(c, 1.0, size=(12000, 2)) for c in (-4, 0, 4, 8)])
    return fit_gmm(X, 8)
