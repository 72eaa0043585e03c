"""Few-shot episode builder: support images are gathered with one fancy index per shard (a copy)."""
from collections import defaultdict

import numpy as np


def load_shard(class_id, n_images=600):
    rng = np.random.default_rng(class_id)
    return rng.random((n_images, 3, 32, 32), dtype=np.float32)


def build_support_set(class_ids, shots=5, seed=0):
    rng = np.random.default_rng(seed)
    support = defaultdict(list)
    for class_id in class_ids:
        shard = load_shard(class_id)
        picks = rng.choice(len(shard), size=shots, replace=False)
        support[class_id].extend(shard[picks])
    return support


def scenario():
    return build_support_set(range(10))
