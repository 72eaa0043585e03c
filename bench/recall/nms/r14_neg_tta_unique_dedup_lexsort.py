"""Merging test-time-augmentation detections before NMS, after the
`unique_boxes` helpers of R-CNN dataset utilities: the detections of the flips
and scales are concatenated into one new array, ordered with `np.lexsort` by
class and descending score, and exact duplicates (the same rounded box of the
same class) are dropped with `np.unique(hashes, return_index=True)`.  The
survivors are taken with `dets[first]`, an integer-array index: a copy, so the
per-image boxes and scores kept afterwards (`kept[:, :4]`, `kept[:, 4]`) are
views only of that small deduplicated array, not of the merged one."""
import numpy as np


def tta_outputs(image_id, n=30000, n_views=4):
    rng = np.random.default_rng(image_id)
    base = rng.uniform(0, 1000, size=(n, 2))
    views = []
    for v in range(n_views):
        jitter = np.round(rng.normal(0, 0.3, size=(n, 2))) * (v % 2)
        xy = base + jitter
        views.append(np.concatenate([xy, xy + 25.0, rng.random((n, 1)),
                                     rng.integers(0, 5, (n, 1))], axis=1))
    return views


def unique_detections(dets, scale=1.0):
    order = np.lexsort((-dets[:, 4], dets[:, 5]))
    dets = dets[order]
    v = np.array([1.0, 1e3, 1e6, 1e9])
    hashes = np.round(dets[:, :4] * scale).dot(v).astype(np.int64) * 7 + dets[:, 5].astype(np.int64)
    _, first = np.unique(hashes, return_index=True)
    return dets[np.sort(first)]


def scenario(n_images=12, max_det=300):
    results = {}
    for image_id in range(n_images):
        merged = np.concatenate(tta_outputs(image_id), axis=0)
        kept = unique_detections(merged)
        results[image_id] = {"boxes": kept[:, :4], "scores": kept[:, 4],
                             "count": len(kept)}
    return results
