"""Soft-NMS as a reusable class: the decay function is chosen by a config
entry ("linear" or "gaussian") and bound with functools.partial.  Each round
sorts the remaining detections, takes the top one, decays the scores of the
rest and drops those under the floor."""
import functools

import numpy as np


def _iou_one_to_many(box, boxes):
    x1 = np.maximum(box[0], boxes[:, 0])
    y1 = np.maximum(box[1], boxes[:, 1])
    x2 = np.minimum(box[2], boxes[:, 2])
    y2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def linear_decay(ious, thresh=0.3):
    w = np.ones_like(ious)
    over = ious > thresh
    w[over] = 1.0 - ious[over]
    return w


def gaussian_decay(ious, sigma=0.5):
    return np.exp(-(ious ** 2) / sigma)


DECAYS = {"linear": linear_decay, "gaussian": gaussian_decay}


class SoftNMS:
    def __init__(self, method="gaussian", score_floor=0.001, max_keep=300, **decay_kwargs):
        self.decay = functools.partial(DECAYS[method], **decay_kwargs)
        self.score_floor = score_floor
        self.max_keep = max_keep

    @classmethod
    def from_config(cls, cfg):
        return cls(cfg["method"], cfg.get("score_floor", 0.001), cfg.get("max_keep", 300),
                   **cfg.get("decay_args", {}))

    def __call__(self, dets):
        """dets: (N, 5) rows of x1, y1, x2, y2, score.  Returns the kept rows."""
        kept = []
        while len(dets) and len(kept) < self.max_keep:
            dets = dets[np.argsort(-dets[:, 4], kind="stable")]
            top = dets[0]
            kept.append(top)  # expect: VL001
            rest = dets[1:]
            rest[:, 4] *= self.decay(_iou_one_to_many(top, rest))
            dets = rest[rest[:, 4] >= self.score_floor]
        return kept


def make_detections(n, seed=0):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1000, size=(n, 2))
    wh = rng.uniform(10, 60, size=(n, 2))
    return np.hstack([xy, xy + wh, rng.uniform(0.01, 1.0, size=(n, 1))])


def scenario():
    nms = SoftNMS.from_config({"method": "gaussian", "max_keep": 250, "decay_args": {"sigma": 0.5}})
    return nms(make_detections(20000))
