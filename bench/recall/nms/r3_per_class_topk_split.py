"""Per-class top-k kept across a validation set: the detections of an image
are sorted by class and score, cut into one block per class with np.split,
and the top rows of each block go to the per-class pool used for the
class-wise PR curves."""
from collections import defaultdict

import numpy as np


def split_by_class(dets, num_classes):
    """dets: (N, 6) rows x1, y1, x2, y2, score, class.  Sorted by class, then by
    descending score; returns one (n_c, 6) block per class."""
    order = np.lexsort((-dets[:, 4], dets[:, 5]))
    dets = dets[order]
    bounds = np.searchsorted(dets[:, 5], np.arange(1, num_classes))
    return np.split(dets, bounds)


def collect(images, num_classes=20, top_k=5):
    pool = defaultdict(list)
    for dets in images:
        for cls, block in enumerate(split_by_class(dets, num_classes)):
            if block.size == 0:
                continue
            pool[cls].append(block[:top_k])  # expect: VL001
    return pool


def images(n, n_dets=50000, num_classes=20, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        xy = rng.uniform(0, 800, size=(n_dets, 2))
        yield np.column_stack([xy, xy + 25.0, rng.uniform(size=n_dets),
                               rng.integers(0, num_classes, size=n_dets)]).astype(np.float64)


def scenario():
    return dict(collect(images(10)))
