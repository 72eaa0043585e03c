"""Soft k-means (EM for isotropic Gaussians) on GPU-style batched tensors, with
a monitor closure collecting diagnostics every iteration."""
from collections import defaultdict

import torch


def make_monitor():
    records = defaultdict(list)

    def monitor(it, resp, centers):
        records["iteration"].append(it)
        records["resp_head"].append(resp[:32])  # expect: VL002
        records["center_norm"].append(centers.norm().item())

    return monitor, records


def soft_kmeans(X, k=16, n_iter=25, temperature=1.0, monitor=None):
    g = torch.Generator().manual_seed(0)
    centers = X[torch.randperm(X.shape[0], generator=g)[:k]].clone()
    for it in range(n_iter):
        d2 = torch.cdist(X, centers) ** 2
        resp = torch.softmax(-d2 / temperature, dim=1)
        centers = (resp.T @ X) / resp.sum(0, keepdim=True).T
        if monitor is not None:
            monitor(it, resp, centers)
    return centers


def scenario():
    torch.manual_seed(0)
    X = torch.randn(40000, 8)
    monitor, records = make_monitor()
    soft_kmeans(X, monitor=monitor)
    return records
