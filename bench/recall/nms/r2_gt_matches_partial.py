"""Recall analysis of a detector: every ground-truth box is matched to its best
prediction, and the matched prediction row (box, score, class logits) is kept
per (image, gt) key for the confusion plots."""
import functools

import numpy as np


def pairwise_iou(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:4], b[None, :, 2:4])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def _record(store, key, row):
    store[key] = row  # expect: VL002


def load_split(n_images, seed=0, n_pred=6000, n_classes=80):
    rng = np.random.default_rng(seed)
    for _ in range(n_images):
        gxy = rng.uniform(0, 600, size=(5, 2))
        gts = np.hstack([gxy, gxy + 50.0])
        pxy = rng.uniform(0, 600, size=(n_pred, 2))
        pxy[:5] = gxy + rng.normal(0, 2, size=(5, 2))
        preds = np.hstack([pxy, pxy + 50.0, rng.uniform(size=(n_pred, 1 + n_classes))])
        yield preds, gts


def match_all(n_images=12, thr=0.5):
    matched = {}
    record = functools.partial(_record, matched)
    for img_id, (preds, gts) in enumerate(load_split(n_images)):
        ious = pairwise_iou(gts, preds[:, :4])
        for g in range(len(gts)):
            j = int(ious[g].argmax())
            if ious[g, j] >= thr:
                record((img_id, g), preds[j])
    return matched


def scenario():
    return match_all()
