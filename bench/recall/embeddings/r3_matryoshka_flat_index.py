"""Building a retrieval index from Matryoshka-style embeddings: the encoder gives 768-d vectors and
the index keeps only the first `dim` coordinates (a cheap coarse index).  `FlatIndex` mimics a
faiss IndexFlatIP: `add()` takes a batch of vectors, `search()` scores queries against all of them."""
import numpy as np


class FlatIndex:
    def __init__(self, dim):
        self.dim = dim
        self._shards = []
        self.ntotal = 0

    def add(self, vectors):
        if vectors.shape[1] != self.dim:
            raise ValueError("dimension mismatch")
        self._shards.append(vectors)  # expect: VL001
        self.ntotal += vectors.shape[0]

    def search(self, queries, k=5):
        matrix = np.concatenate(self._shards, axis=0)
        scores = queries @ matrix.T
        idx = np.argsort(-scores, axis=1)[:, :k]
        return np.take_along_axis(scores, idx, axis=1), idx


class RandomProjectionEncoder:
    """Stand-in for a sentence encoder: bag of hashed tokens projected to 768 dims."""

    def __init__(self, n_buckets=4096, dim=768, seed=0):
        rng = np.random.default_rng(seed)
        self.proj = rng.standard_normal((n_buckets, dim)).astype(np.float32) / np.sqrt(n_buckets)
        self.n_buckets = n_buckets

    def encode(self, docs, normalize=True):
        counts = np.zeros((len(docs), self.n_buckets), dtype=np.float32)
        for row, doc in enumerate(docs):
            for tok in doc.split():
                counts[row, hash(tok) % self.n_buckets] += 1.0
        emb = counts @ self.proj
        if normalize:
            emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8
        return emb


def build_index(encoder, corpus, dim=64, batch_size=256):
    index = FlatIndex(dim)
    for start in range(0, len(corpus), batch_size):
        emb = encoder.encode(corpus[start:start + batch_size])
        index.add(emb[:, :dim])
    return index


def scenario():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(3000)]
    corpus = [" ".join(rng.choice(words, size=6)) for _ in range(4096)]
    index = build_index(RandomProjectionEncoder(), corpus)
    return index._shards


if __name__ == "__main__":
    print(sum(s.shape[0] for s in scenario()))
