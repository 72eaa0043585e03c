"""An inverted-file (IVF) vector index built shard by shard, in the shape of the from-scratch
vector-search libraries that mimic faiss's `IndexIVFFlat`: each shard's vectors are assigned to the
nearest centroid and each list receives its members with a boolean mask, `vecs[assign == c]`, a copy
of just those rows, so the shard's matrix is freed once it is added."""
import numpy as np


class ShardReader:
    def __init__(self, n_shards, rows, dim, seed=0):
        self.n_shards, self.rows, self.dim, self.seed = n_shards, rows, dim, seed

    def __iter__(self):
        rng = np.random.default_rng(self.seed)
        for s in range(self.n_shards):
            ids = np.arange(s * self.rows, (s + 1) * self.rows)
            yield ids, rng.standard_normal((self.rows, self.dim)).astype(np.float32)


class IVFFlatIndex:
    def __init__(self, centroids):
        self.centroids = centroids
        self.nlist = len(centroids)
        self.ids = [[] for _ in range(self.nlist)]
        self.vecs = [[] for _ in range(self.nlist)]

    def assign(self, vecs):
        d = (vecs ** 2).sum(1)[:, None] - 2 * vecs @ self.centroids.T + (self.centroids ** 2).sum(1)
        return d.argmin(axis=1)

    def add(self, ids, vecs):
        assign = self.assign(vecs)
        for c in np.unique(assign):
            members = assign == c
            self.ids[c].append(ids[members])
            self.vecs[c].append(vecs[members])


def scenario():
    rng = np.random.default_rng(1)
    index = IVFFlatIndex(rng.standard_normal((16, 64)).astype(np.float32))
    for ids, vecs in ShardReader(n_shards=10, rows=2048, dim=64):
        index.add(ids, vecs)
    return index.vecs
