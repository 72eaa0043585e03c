"""Tabular feature loader for a retrieval model: feature shards are read through a reader class
used as a context manager (`with ShardReader(...) as reader:`, `__enter__` opening the files,
`__exit__` closing them), each shard is standardised and reduced by a scikit-learn pipeline fitted
on that shard (`make_pipeline(StandardScaler(), PCA(n_components=32)).fit_transform(x)`, as
per-shard preprocessing in feature-engineering scripts does), and the first rows of every reduced
shard are kept, keyed by shard name, as the reference set for a nearest-neighbour sanity check.
Written after HuBERT-style feature shard loaders (`load_feature_shard`) and scripts that fit a
scaler and PCA per chunk; shards are NumPy stand-ins made from a seed."""
import numpy as np
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class ShardReader:
    def __init__(self, names, rows=16000, dim=64, seed=0):
        self.names = names
        self.rows = rows
        self.dim = dim
        self.seed = seed
        self.is_open = False

    def __enter__(self):
        self.is_open = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self.is_open = False
        return False

    def __iter__(self):
        for k, name in enumerate(self.names):
            rng = np.random.default_rng(self.seed + k)
            yield name, rng.standard_normal((self.rows, self.dim))


def reduce_shard(x, n_components=32):
    pipe = make_pipeline(StandardScaler(), PCA(n_components=n_components, svd_solver="full"))
    return pipe.fit_transform(x)


def build_reference(names, per_shard=64):
    reference = {}
    with ShardReader(names) as reader:
        for name, feats in reader:
            z = reduce_shard(feats)
            reference[name] = z[:per_shard]  # expect: VL002
    return reference


def scenario():
    return build_reference([f"shard_{i:03d}" for i in range(10)])
