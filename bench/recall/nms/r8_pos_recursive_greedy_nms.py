"""Greedy NMS written as a recursion instead of a `while order.size > 0` loop, as
in small detection teaching repositories: the best remaining detection is
picked, and the function calls itself on the survivors
(`dets[1:][iou < thresh]`, a new array each level).  Each picked row is a view
of that level's survivors, so the picks of one image pin every level's copy."""
import numpy as np


def box_iou(box, boxes):
    x1 = np.maximum(box[0], boxes[:, 0])
    y1 = np.maximum(box[1], boxes[:, 1])
    x2 = np.minimum(box[2], boxes[:, 2])
    y2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def greedy_nms(dets, picked, thresh=0.5, max_det=100):
    """dets: (n, 6) rows x1, y1, x2, y2, score, class, sorted by score."""
    if len(dets) == 0 or len(picked) >= max_det:
        return picked
    picked.append(dets[0])  # expect: VL001
    iou = box_iou(dets[0], dets[1:])
    return greedy_nms(dets[1:][iou < thresh], picked, thresh, max_det)


def fake_detections(rng, n=8000, canvas=4000.0):
    xy = rng.uniform(0, canvas, size=(n, 2))
    wh = rng.uniform(8, 40, size=(n, 2))
    scores = rng.uniform(0.05, 1.0, size=(n, 1))
    classes = rng.integers(0, 20, size=(n, 1)).astype(np.float64)
    dets = np.hstack([xy, xy + wh, scores, classes])
    return dets[np.argsort(-dets[:, 4])]


def scenario():
    rng = np.random.default_rng(0)
    results = []
    for _ in range(2):
        dets = fake_detections(rng)
        results.append(greedy_nms(dets, []))
    return results
