"""Whitened sentence vectors, in the shape of the "BERT-whitening" retrieval scripts: each shard of
pooled embeddings is centred and whitened with its own SVD (`u, s, vt = np.linalg.svd(x)`, the first
`k` columns of `u` scaled), and the rows are stored by id with `dict.update(zip(ids, ...))`.  The rows
are copied with `np.array(row)` before they are stored, so each shard's whitened matrix is freed."""
import numpy as np


def whiten(x, k):
    mu = x.mean(axis=0, keepdims=True)
    u, s, vt = np.linalg.svd(x - mu, full_matrices=False)
    return u[:, :k] * np.sqrt(x.shape[0] - 1)


def build_table(shards, k=64):
    table = {}
    for ids, pooled in shards:
        white = whiten(pooled, k)
        table.update(zip(ids, (np.array(row) for row in white)))
    return table


def scenario():
    rng = np.random.default_rng(0)
    shards = []
    for s in range(30):
        ids = [f"s{s}-{i}" for i in range(512)]
        shards.append((ids, rng.standard_normal((512, 256)).astype(np.float32)))
    return build_table(shards)
