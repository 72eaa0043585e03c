"""Shard index for an image dataset stored as `.npz` archives (`images`, `labels` per shard): the
indexer opens each shard with `with np.load(path) as shard:`, counts labels for the class balance
report and keeps the first images of every shard as a preview grid.  `shard["images"]` reads the
member into a new array on each access, so each kept preview holds its whole shard.  Written after
dataset tooling that iterates `.npz` shards (`for p in sorted(glob(...)): with np.load(p) as data:
...`, collecting `data["images"][:k]`); the shards are written to a temporary directory first."""
import glob
import os
import tempfile

import numpy as np


def write_shards(root, n_shards=24, per_shard=512, size=32, n_classes=10, seed=0):
    rng = np.random.default_rng(seed)
    for k in range(n_shards):
        images = rng.integers(0, 256, size=(per_shard, size, size, 3), dtype=np.uint8)
        labels = rng.integers(0, n_classes, size=per_shard)
        np.savez(os.path.join(root, f"shard-{k:05d}.npz"), images=images, labels=labels)


def index_shards(root, preview=4, n_classes=10):
    counts = np.zeros(n_classes, dtype=np.int64)
    previews = []
    for path in sorted(glob.glob(os.path.join(root, "shard-*.npz"))):
        with np.load(path) as shard:
            counts += np.bincount(shard["labels"], minlength=n_classes)
            previews.append(shard["images"][:preview])  # expect: VL002
    return counts, previews


def scenario():
    with tempfile.TemporaryDirectory() as root:
        write_shards(root)
        return index_shards(root)
