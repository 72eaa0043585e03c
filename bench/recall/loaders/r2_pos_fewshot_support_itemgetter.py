"""Few-shot episode builder: a handful of support images per class is picked out of each loaded shard."""
from collections import defaultdict
from operator import itemgetter

import numpy as np


def load_shard(class_id, n_images=600):
    """Stand-in for np.load(f"shards/class_{class_id}.npy"): (n_images, 3, 32, 32) float32."""
    rng = np.random.default_rng(class_id)
    return rng.random((n_images, 3, 32, 32), dtype=np.float32)


def build_support_set(class_ids, shots=5, seed=0):
    rng = np.random.default_rng(seed)
    support = defaultdict(list)
    for class_id in class_ids:
        shard = load_shard(class_id)
        picks = rng.choice(len(shard), size=shots, replace=False).tolist()
        support[class_id].extend(itemgetter(*picks)(shard))  # expect: VL002
    return support


def scenario():
    return build_support_set(range(10))
