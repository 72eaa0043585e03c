"""Gaussian-mixture EM written as an estimator class (fit / _e_step / _m_step)
with a diagnostics hook: for a few probe samples chosen by the user, the
responsibilities at every iteration are logged to show how the assignments
settle."""
import numpy as np


class DiagonalGMM:
    def __init__(self, n_components=6, max_iter=100, tol=1e-4, probes=(0, 1, 2), seed=0):
        self.n_components = n_components
        self.max_iter = max_iter
        self.tol = tol
        self.probes = tuple(probes)
        self.rng = np.random.default_rng(seed)
        self.probe_log_ = {p: [] for p in self.probes}

    def _init(self, X):
        idx = self.rng.choice(len(X), self.n_components, replace=False)
        self.means_ = X[idx].copy()
        self.vars_ = np.tile(X.var(axis=0), (self.n_components, 1))
        self.weights_ = np.full(self.n_components, 1.0 / self.n_components)

    def _e_step(self, X):
        diff = X[:, None, :] - self.means_[None]
        log_p = -0.5 * np.sum(diff ** 2 / self.vars_ + np.log(2 * np.pi * self.vars_), axis=2)
        log_p += np.log(self.weights_)
        m = log_p.max(axis=1, keepdims=True)
        log_norm = m + np.log(np.exp(log_p - m).sum(axis=1, keepdims=True))
        return np.exp(log_p - log_norm), float(log_norm.mean())

    def _m_step(self, X, resp):
        nk = resp.sum(axis=0) + 1e-10
        self.weights_ = nk / len(X)
        self.means_ = (resp.T @ X) / nk[:, None]
        self.vars_ = (resp.T @ X ** 2) / nk[:, None] - self.means_ ** 2 + 1e-6

    def _log_probes(self, resp):
        for p in self.probes:
            self.probe_log_[p].append(resp[p])  # expect: VL001

    def fit(self, X):
        self._init(X)
        prev = -np.inf
        try:
            for it in range(self.max_iter):
                resp, ll = self._e_step(X)
                self._log_probes(resp)
                if abs(ll - prev) < self.tol:
                    break
                prev = ll
                self._m_step(X, resp)
        finally:
            self.n_iter_ = it + 1
        return self


def scenario():
    rng = np.random.default_rng(3)
    centers = rng.uniform(-5, 5, size=(6, 4))
    X = np.concatenate([c + rng.standard_normal((8000, 4)) for c in centers])
    gmm = DiagonalGMM(max_iter=25, tol=0.0).fit(X)
    return gmm.probe_log_
