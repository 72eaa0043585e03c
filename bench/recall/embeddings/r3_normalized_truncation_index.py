"""The coarse Matryoshka index again, but the index re-normalises what it is given (truncated vectors
are no longer unit length), so each stored shard is a new array of just the kept coordinates."""
import numpy as np


class NormalizedFlatIndex:
    def __init__(self, dim, eps=1e-8):
        self.dim = dim
        self.eps = eps
        self._shards = []

    def add(self, vectors):
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / (norms + self.eps)
        self._shards.append(vectors)

    @property
    def ntotal(self):
        return sum(s.shape[0] for s in self._shards)

    def search(self, queries, k=5):
        matrix = np.vstack(self._shards)
        scores = queries[:, : self.dim] @ matrix.T
        return np.argsort(-scores, axis=1)[:, :k]


def encode_batch(rng, n, dim=768):
    emb = rng.standard_normal((n, dim)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return emb


def build(n_docs=4096, batch_size=256, dim=64, seed=3):
    rng = np.random.default_rng(seed)
    index = NormalizedFlatIndex(dim)
    for _start in range(0, n_docs, batch_size):
        emb = encode_batch(rng, batch_size)
        index.add(emb[:, :dim])
    return index


def scenario():
    index = build()
    return index._shards


if __name__ == "__main__":
    print(sum(s.shape[0] for s in scenario()))
