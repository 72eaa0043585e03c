"""Index-based greedy NMS written as a recursion (the classic `order =
scores.argsort()[::-1]` form, as in detection course code): each level keeps the
index `order[0]` of the best remaining box and calls itself on `order[inds + 1]`.
`order` is 1-D, so the kept items are NumPy integers; the kept rows are gathered
once at the end with a fancy index (a copy)."""
import numpy as np


def nms_order(x1, y1, x2, y2, areas, order, keep, thresh=0.5, max_det=100):
    if order.size == 0 or len(keep) >= max_det:
        return keep
    i = order[0]
    keep.append(i)
    xx1 = np.maximum(x1[i], x1[order[1:]])
    yy1 = np.maximum(y1[i], y1[order[1:]])
    xx2 = np.minimum(x2[i], x2[order[1:]])
    yy2 = np.minimum(y2[i], y2[order[1:]])
    inter = np.maximum(0.0, xx2 - xx1) * np.maximum(0.0, yy2 - yy1)
    ovr = inter / (areas[i] + areas[order[1:]] - inter)
    inds = np.where(ovr <= thresh)[0]
    return nms_order(x1, y1, x2, y2, areas, order[inds + 1], keep, thresh, max_det)


def nms(dets, thresh=0.5):
    x1, y1, x2, y2, scores = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3], dets[:, 4]
    areas = (x2 - x1) * (y2 - y1)
    order = scores.argsort()[::-1]
    return nms_order(x1, y1, x2, y2, areas, order, [], thresh)


def fake_detections(rng, n=8000, canvas=4000.0):
    xy = rng.uniform(0, canvas, size=(n, 2))
    wh = rng.uniform(8, 40, size=(n, 2))
    scores = rng.uniform(0.05, 1.0, size=(n, 1))
    return np.hstack([xy, xy + wh, scores])


def scenario():
    rng = np.random.default_rng(0)
    results = []
    for _ in range(40):
        dets = fake_detections(rng)
        keep = nms(dets)
        results.append(dets[keep])
    return results
