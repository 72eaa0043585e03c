"""Bag-of-words dataset over a sparse document-term matrix per corpus shard (scipy CSR, as
sklearn's vectorisers return).  A sample cache keeps the first rows of every shard for a quick
nearest-neighbour sanity check; a CSR row is its own small matrix, and the dense vector is made from
that row."""
import numpy as np
import scipy.sparse as sp


def vectorise_shard(seed, n_docs=2000, vocab=50_000, density=0.01):
    """Stand-in for TfidfVectorizer().fit_transform(texts) on one shard."""
    rng = np.random.default_rng(seed)
    return sp.random(n_docs, vocab, density=density, format="csr", dtype=np.float32,
                     random_state=rng)


class BowDataset:
    def __init__(self, matrix, labels):
        self.matrix = matrix
        self.labels = labels

    def __len__(self):
        return self.matrix.shape[0]

    def __getitem__(self, idx):
        row = self.matrix[idx]
        return row, int(self.labels[idx])


def build_sanity_cache(n_shards=8, per_shard=4):
    cache = {}
    for shard in range(n_shards):
        matrix = vectorise_shard(shard)
        labels = np.arange(matrix.shape[0]) % 20
        ds = BowDataset(matrix, labels)
        for idx in range(per_shard):
            row, label = ds[idx]
            cache[(shard, idx)] = (row, label)
    return cache


def scenario():
    return build_sanity_cache()
