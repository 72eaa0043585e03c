"""Gaussian soft-NMS written in NumPy after the Cython original (the
`cpu_soft_nms` of Fast R-CNN derived repositories and its pure-Python ports):
each image's detections are packed into one new `(N, 5)` array, and the loop
works in place on it: the best remaining box is swapped to position `i`
(`dets[[i, m]] = dets[[m, i]]`), the scores behind it are decayed in place by
`exp(-iou^2 / sigma)`, and when all are visited the survivors are taken with
`dets[dets[:, 4] > thresh]`, a boolean mask: a copy, so what the per-image dict
keeps holds nothing of the working array."""
import numpy as np


def make_detections(seed, n=1500):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 800, size=(n, 2))
    wh = rng.uniform(10, 80, size=(n, 2))
    scores = rng.random(n)
    return np.concatenate([xy, xy + wh], axis=1), scores


def soft_nms(boxes, scores, sigma=0.5, thresh=0.05):
    dets = np.concatenate([boxes, scores[:, None]], axis=1)
    n = dets.shape[0]
    areas = (dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1])
    for i in range(n):
        m = i + int(np.argmax(dets[i:, 4]))
        dets[[i, m]] = dets[[m, i]]
        areas[[i, m]] = areas[[m, i]]
        if i == n - 1:
            break
        xx1 = np.maximum(dets[i, 0], dets[i + 1:, 0])
        yy1 = np.maximum(dets[i, 1], dets[i + 1:, 1])
        xx2 = np.minimum(dets[i, 2], dets[i + 1:, 2])
        yy2 = np.minimum(dets[i, 3], dets[i + 1:, 3])
        inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
        iou = inter / (areas[i] + areas[i + 1:] - inter)
        dets[i + 1:, 4] *= np.exp(-(iou * iou) / sigma)
    return dets[dets[:, 4] > thresh]


def scenario(n_images=10):
    results = {}
    for image_id in range(n_images):
        boxes, scores = make_detections(image_id)
        results[image_id] = soft_nms(boxes, scores)
    return results
