"""A tiny flat inner-product index (FAISS IndexFlatIP look-alike) in NumPy: vectors are
written into a preallocated matrix that doubles when full."""
import numpy as np


class FlatIndex:
    def __init__(self, dim, capacity=256):
        self._mat = np.empty((capacity, dim), dtype=np.float32)
        self._n = 0
        self.ids = []

    def _grow(self, need):
        cap = self._mat.shape[0]
        while cap < need:
            cap *= 2
        bigger = np.empty((cap, self._mat.shape[1]), dtype=np.float32)
        bigger[: self._n] = self._mat[: self._n]
        self._mat = bigger

    def add(self, ids, vectors):
        k = len(ids)
        if self._n + k > self._mat.shape[0]:
            self._grow(self._n + k)
        self._mat[self._n : self._n + k] = vectors
        self._n += k
        self.ids.extend(ids)

    def search(self, query, k=5):
        scores = self._mat[: self._n] @ query
        top = np.argpartition(-scores, k)[:k]
        return [self.ids[i] for i in top[np.argsort(-scores[top])]]


def encode_batch(rng, n, seq=64, dim=128):
    token_states = rng.standard_normal((n, seq, dim)).astype(np.float32)
    cls = token_states[:, 0]
    return cls / np.linalg.norm(cls, axis=1, keepdims=True)


def scenario():
    rng = np.random.default_rng(5)
    index = FlatIndex(128)
    for b in range(25):
        vecs = encode_batch(rng, 40)
        index.add([f"p{b}-{i}" for i in range(40)], vecs)
    index.search(rng.standard_normal(128).astype(np.float32))
    return index


if __name__ == "__main__":
    print(scenario()._n)
