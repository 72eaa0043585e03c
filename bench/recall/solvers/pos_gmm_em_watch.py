"""Expectation-maximisation for a diagonal Gaussian mixture; the
responsibilities of the first few samples are watched across iterations."""
import numpy as np


class DiagonalGMM:
    def __init__(self, n_components, n_iter=12, seed=0, n_watch=4):
        self.k = n_components
        self.n_iter = n_iter
        self.rng = np.random.default_rng(seed)
        self.n_watch = n_watch
        self.log_likelihoods = []
        self.watched = []

    def _e_step(self, X):
        diff = X[:, None, :] - self.means[None]
        log_p = -0.5 * (diff ** 2 / self.vars[None]).sum(-1) - 0.5 * np.log(self.vars).sum(-1)
        log_p += np.log(self.weights)[None]
        m = log_p.max(axis=1, keepdims=True)
        log_norm = m + np.log(np.exp(log_p - m).sum(axis=1, keepdims=True))
        return np.exp(log_p - log_norm), float(log_norm.sum())

    def _m_step(self, X, resp):
        nk = resp.sum(axis=0) + 1e-10
        self.weights = nk / nk.sum()
        self.means = resp.T @ X / nk[:, None]
        self.vars = resp.T @ (X ** 2) / nk[:, None] - self.means ** 2 + 1e-6

    def fit(self, X):
        self.means = X[self.rng.choice(len(X), self.k, replace=False)]
        self.vars = np.ones((self.k, X.shape[1]))
        self.weights = np.full(self.k, 1.0 / self.k)
        for _ in range(self.n_iter):
            resp, ll = self._e_step(X)
            self.watched.append(resp[:self.n_watch])  # expect: VL002
            self.log_likelihoods.append(ll)
            self._m_step(X, resp)
        return self


def scenario():
    rng = np.random.default_rng(1)
    X = np.concatenate([rng.normal(c, 1.0, size=(12000, 2)) for c in (-4, 0, 4, 8)])
    gmm = DiagonalGMM(n_components=8).fit(X)
    return gmm.watched, gmm.log_likelihoods
