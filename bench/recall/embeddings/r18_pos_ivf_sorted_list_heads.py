"""An inverted-file (IVF) vector index built shard by shard, in the shape of the from-scratch
vector-search libraries that mimic faiss's `IndexIVFFlat`: each shard is assigned to its nearest
centroid, sorted by list with `np.argsort(assign, kind="stable")`, and cut into lists at the offsets
`np.searchsorted(sorted_assign, np.arange(nlist + 1))`.  Besides the ids, each list keeps the first
few vectors of every shard's run as "heads" for a cheap pre-ranking pass: a slice of the shard's
sorted copy."""
import numpy as np


class ShardReader:
    def __init__(self, n_shards, rows, dim, seed=0):
        self.n_shards, self.rows, self.dim, self.seed = n_shards, rows, dim, seed

    def __iter__(self):
        rng = np.random.default_rng(self.seed)
        for s in range(self.n_shards):
            ids = np.arange(s * self.rows, (s + 1) * self.rows)
            yield ids, rng.standard_normal((self.rows, self.dim)).astype(np.float32)


class IVFHeadsIndex:
    def __init__(self, centroids, n_heads=4):
        self.centroids = centroids
        self.nlist = len(centroids)
        self.n_heads = n_heads
        self.ids = [[] for _ in range(self.nlist)]
        self.heads = [[] for _ in range(self.nlist)]

    def assign(self, vecs):
        d = (vecs ** 2).sum(1)[:, None] - 2 * vecs @ self.centroids.T + (self.centroids ** 2).sum(1)
        return d.argmin(axis=1)

    def add(self, ids, vecs):
        assign = self.assign(vecs)
        order = np.argsort(assign, kind="stable")
        sorted_vecs = vecs[order]
        bounds = np.searchsorted(assign[order], np.arange(self.nlist + 1))
        for c, (start, end) in enumerate(zip(bounds[:-1], bounds[1:])):
            if end == start:
                continue
            self.ids[c].append(ids[order[start:end]])
            self.heads[c].append(sorted_vecs[start:min(end, start + self.n_heads)])  # expect: VL002


def scenario():
    rng = np.random.default_rng(1)
    index = IVFHeadsIndex(rng.standard_normal((16, 128)).astype(np.float32))
    for ids, vecs in ShardReader(n_shards=40, rows=4096, dim=128):
        index.add(ids, vecs)
    return index.heads
