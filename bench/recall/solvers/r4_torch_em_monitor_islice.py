"""EM for a diagonal Gaussian mixture in PyTorch written as a generator of
iterates; the driver takes at most max_iter of them with itertools.islice and
stops early on convergence of the log-likelihood.  A monitor object, passed
as a callback, keeps the responsibilities of one watched component to plot
how the assignment sharpens."""
import itertools
import math

import torch


def em_iterates(X, n_components, seed=0):
    g = torch.Generator().manual_seed(seed)
    n, d = X.shape
    means = X[torch.randperm(n, generator=g)[:n_components]].clone()
    log_var = torch.zeros(n_components, d)
    log_w = torch.full((n_components,), -math.log(n_components))
    while True:
        var = log_var.exp()
        diff = X[:, None, :] - means[None, :, :]
        log_p = -0.5 * ((diff ** 2) / var + log_var + math.log(2 * math.pi)).sum(-1) + log_w
        ll = torch.logsumexp(log_p, dim=1)
        resp = torch.exp(log_p - ll[:, None])
        nk = resp.sum(0) + 1e-8
        means = (resp.T @ X) / nk[:, None]
        var = (resp.T @ (X ** 2)) / nk[:, None] - means ** 2
        log_var = var.clamp(min=1e-6).log()
        log_w = (nk / n).log()
        yield float(ll.mean()), resp, means


class ComponentMonitor:
    def __init__(self, component=0):
        self.component = component
        self.loglik = []
        self.responsibilities = []

    def __call__(self, it, loglik, resp, means):
        self.loglik.append(loglik)
        self.responsibilities.append(resp[:, self.component].detach().cpu())  # expect: VL001


def fit(X, n_components=16, max_iter=40, tol=1e-4, callback=None):
    prev = -math.inf
    means = None
    with torch.no_grad():
        for it, (loglik, resp, means) in enumerate(
                itertools.islice(em_iterates(X, n_components), max_iter)):
            if callback is not None:
                callback(it, loglik, resp, means)
            if abs(loglik - prev) < tol:
                break
            prev = loglik
    return means


def scenario():
    g = torch.Generator().manual_seed(1)
    centers = torch.randn(16, 4, generator=g) * 4
    X = centers[torch.randint(0, 16, (150000,), generator=g)] + torch.randn(150000, 4, generator=g)
    monitor = ComponentMonitor(component=3)
    fit(X, max_iter=12, tol=0.0, callback=monitor)
    return monitor
