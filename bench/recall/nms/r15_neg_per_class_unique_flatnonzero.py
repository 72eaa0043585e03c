"""Per-class greedy NMS over the classes present, after the `multiclass_nms`
helpers of NumPy detection post-processing (ONNX/TensorRT YOLO demos): the
classes are taken with `np.unique(labels)`, each class's rows with
`np.flatnonzero(labels == c)`, greedy IoU suppression runs on those rows, and
the survivors of every class are gathered with one integer-array index,
`dets[idx[keep]]`: a copy, so what the image's result keeps owns its own few
rows and no longer holds the detector's output."""
import numpy as np


def detector_output(image_id, n=40000, n_classes=8):
    rng = np.random.default_rng(image_id)
    xy = rng.uniform(0, 2000, size=(n, 2))
    wh = rng.uniform(8, 120, size=(n, 2))
    scores = rng.random((n, 1))
    labels = rng.integers(0, n_classes, size=(n, 1))
    return np.hstack([xy, xy + wh, scores, labels])


def greedy_nms(boxes, scores, thr=0.5, max_keep=20):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0 and len(keep) < max_keep:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(x1[i], x1[order[1:]])
        yy1 = np.maximum(y1[i], y1[order[1:]])
        xx2 = np.minimum(x2[i], x2[order[1:]])
        yy2 = np.minimum(y2[i], y2[order[1:]])
        inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
        iou = inter / (areas[i] + areas[order[1:]] - inter)
        order = order[np.flatnonzero(iou <= thr) + 1]
    return np.array(keep, dtype=np.int64)


def multiclass_nms(dets, score_thr=0.3):
    labels = dets[:, 5].astype(np.int64)
    per_class = []
    for c in np.unique(labels):
        idx = np.flatnonzero((labels == c) & (dets[:, 4] > score_thr))
        if idx.size == 0:
            continue
        keep = greedy_nms(dets[idx, :4], dets[idx, 4])
        per_class.append(dets[idx[keep]])
    return per_class


def scenario(n_images=20):
    results = {}
    for image_id in range(n_images):
        dets = detector_output(image_id)
        for rows in multiclass_nms(dets):
            results.setdefault(image_id, []).append(rows)
    return results
