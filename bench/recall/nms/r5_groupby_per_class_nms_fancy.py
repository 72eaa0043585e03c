"""Class-aware NMS written with `itertools.groupby`: detections are ordered by
(label, -score), each class's run is suppressed greedily, and the survivors of
every class are gathered with an index array.  A per-image dict of per-class
detections is kept for the whole validation run."""
from itertools import groupby

import numpy as np


def iou_matrix(a, b):
    tl = np.maximum(a[:, None, :2], b[None, :, :2])
    br = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(br - tl, 0, None), axis=2)
    area_a = np.prod(a[:, 2:] - a[:, :2], axis=1)
    area_b = np.prod(b[:, 2:] - b[:, :2], axis=1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def greedy(boxes, iou_thr):
    keep = []
    alive = np.ones(len(boxes), dtype=bool)
    for i in range(len(boxes)):
        if not alive[i]:
            continue
        keep.append(i)
        if len(keep) >= 10:
            break
        alive[i + 1:] &= iou_matrix(boxes[i:i + 1], boxes[i + 1:])[0] < iou_thr
    return np.asarray(keep, dtype=np.int64)


def per_class_nms(dets, iou_thr=0.6, score_thr=0.5):
    dets = dets[dets[:, 4] > score_thr]
    order = np.lexsort((-dets[:, 4], dets[:, 5]))
    kept = {}
    for label, group in groupby(order, key=lambda k: int(dets[k, 5])):
        idx = np.fromiter(group, dtype=np.int64)
        keep = greedy(dets[idx, :4], iou_thr)
        kept[label] = dets[idx[keep]]
    return kept


def fake_predictions(rng, n, n_classes=20, size=512.0):
    xy = rng.uniform(0, size - 48, size=(n, 2))
    wh = rng.uniform(8, 48, size=(n, 2))
    return np.column_stack([xy, xy + wh, rng.random(n), rng.integers(0, n_classes, size=n)])


def validate(n_images=12, n_preds=40000, seed=3):
    rng = np.random.default_rng(seed)
    per_image = {}
    for image_id in range(n_images):
        preds = fake_predictions(rng, n_preds)
        per_image[image_id] = per_class_nms(preds)
    return per_image


def scenario():
    return validate()
