"""Gaussian soft-NMS in NumPy (the reference loop of the Soft-NMS paper):
scores of overlapping boxes decay instead of being removed."""
import numpy as np


def soft_nms(dets, sigma=0.5, score_thr=0.001):
    """dets: (N, 5) x1, y1, x2, y2, score. Returns the kept boxes."""
    dets = dets.copy()
    retained_box = []
    while dets.size > 0:
        max_idx = np.argmax(dets[:, 4], axis=0)
        dets[[0, max_idx], :] = dets[[max_idx, 0], :]
        retained_box.append(dets[0, :-1])  # expect: VL001

        xx1 = np.maximum(dets[0, 0], dets[1:, 0])
        yy1 = np.maximum(dets[0, 1], dets[1:, 1])
        xx2 = np.minimum(dets[0, 2], dets[1:, 2])
        yy2 = np.minimum(dets[0, 3], dets[1:, 3])
        w = np.maximum(xx2 - xx1 + 1, 0.0)
        h = np.maximum(yy2 - yy1 + 1, 0.0)
        inter = w * h
        areas = (dets[:, 2] - dets[:, 0] + 1) * (dets[:, 3] - dets[:, 1] + 1)
        iou = inter / (areas[0] + areas[1:] - inter)

        weight = np.exp(-(iou * iou) / sigma)
        dets[1:, 4] *= weight
        retained_idx = np.where(dets[1:, 4] >= score_thr)[0]
        dets = dets[retained_idx + 1, :]
    return retained_box


def scenario():
    rng = np.random.default_rng(1)
    results = {}
    for img_id in range(3):
        xy = rng.uniform(0, 800, size=(1500, 2))
        wh = rng.uniform(20, 120, size=(1500, 2))
        scores = rng.uniform(0.3, 1.0, size=(1500, 1))
        dets = np.hstack([xy, xy + wh, scores])
        results[img_id] = soft_nms(dets)
    return results
