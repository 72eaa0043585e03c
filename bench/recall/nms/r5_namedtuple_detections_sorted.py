"""Per-image greedy NMS that returns typed records: each surviving detection
is a `typing.NamedTuple` holding its box, score and label.  The evaluation
script keeps every image's detections, sorted by score, to write the COCO
results file after the last image."""
from typing import NamedTuple

import numpy as np


class Detection(NamedTuple):
    box: np.ndarray
    score: float
    label: int


def box_iou_one(box, boxes):
    x1 = np.maximum(box[0], boxes[:, 0])
    y1 = np.maximum(box[1], boxes[:, 1])
    x2 = np.minimum(box[2], boxes[:, 2])
    y2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter + 1e-9)


def greedy_nms(preds, iou_thr=0.5, score_thr=0.3, max_det=20):
    """preds: (N, 6) rows of x1, y1, x2, y2, score, label."""
    order = np.argsort(-preds[:, 4], kind="stable")
    order = order[preds[order, 4] > score_thr]
    kept = []
    while order.size > 0 and len(kept) < max_det:
        i = order[0]
        kept.append(Detection(preds[i, :4], float(preds[i, 4]), int(preds[i, 5])))  # expect: VL001
        rest = order[1:]
        ious = box_iou_one(preds[i, :4], preds[rest, :4])
        order = rest[ious < iou_thr]
    return kept


def fake_head(rng, n_anchors, n_classes=80, size=640.0):
    xy = rng.uniform(0, size - 64, size=(n_anchors, 2))
    wh = rng.uniform(8, 64, size=(n_anchors, 2))
    scores = rng.random(n_anchors)
    labels = rng.integers(0, n_classes, size=n_anchors)
    return np.column_stack([xy, xy + wh, scores, labels])


def evaluate(n_images=10, n_anchors=60000, seed=0):
    rng = np.random.default_rng(seed)
    results = {}
    for image_id in range(n_images):
        preds = fake_head(rng, n_anchors)
        dets = greedy_nms(preds)
        results[image_id] = sorted(dets, key=lambda d: d.score, reverse=True)
    return results


def scenario():
    return evaluate()
