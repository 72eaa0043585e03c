"""Multi-object tracking with appearance features, after BoT-SORT and
StrongSORT (and boxmot's copies of their `STrack`): each frame, a re-id
network embeds every detection crop into one `(n_det, 512)` float32 array,
normalised in place; the high-score detections are matched to the tracks by
cosine distance with `scipy.optimize.linear_sum_assignment`, and each matched
track keeps the detection's feature in its gallery (`self.features`, a deque
of `feat_history` in BoT-SORT; this tracker is configured with no history
limit, so it is a plain list) beside an exponential moving average.  The
gallery entries are rows of the frame's embedding array, so every frame's
embeddings for all its detections stay alive."""
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment


@dataclass
class TrackerConfig:
    track_thresh: float = 0.6
    match_thresh: float = 0.5
    ema_alpha: float = 0.9
    feat_history: int = 0  # 0: keep every feature


class Track:
    _next_id = 1

    def __init__(self, box, feat, cfg):
        self.track_id = Track._next_id
        Track._next_id += 1
        self.box = box.copy()
        self.alpha = cfg.ema_alpha
        self.smooth_feat = None
        self.features = []
        self.update_features(feat)

    def update_features(self, feat):
        if self.smooth_feat is None:
            self.smooth_feat = feat.copy()
        else:
            self.smooth_feat = self.alpha * self.smooth_feat + (1 - self.alpha) * feat
        self.smooth_feat /= np.linalg.norm(self.smooth_feat)
        self.features.append(feat)  # expect: VL002

    def update(self, box, feat):
        self.box = box.copy()
        self.update_features(feat)


class ReIDEncoder:
    def __init__(self, dim=512, n_ids=5, seed=0):
        rng = np.random.default_rng(seed)
        self.prototypes = rng.normal(size=(n_ids, dim)).astype(np.float32)
        self.rng = rng

    def __call__(self, frame_no, boxes, ids):
        embs = self.rng.normal(scale=0.3, size=(len(boxes), self.prototypes.shape[1])).astype(np.float32)
        known = ids >= 0
        embs[known] += self.prototypes[ids[known]]
        embs /= np.linalg.norm(embs, axis=1, keepdims=True)
        return embs


class AppearanceTracker:
    def __init__(self, cfg=None):
        self.cfg = cfg or TrackerConfig()
        self.encoder = ReIDEncoder()
        self.tracks = []

    def update(self, frame_no, boxes, scores, ids):
        embs = self.encoder(frame_no, boxes, ids)
        high = np.flatnonzero(scores > self.cfg.track_thresh)
        unmatched = set(high.tolist())
        if self.tracks and len(high):
            gallery = np.stack([t.smooth_feat for t in self.tracks])
            cost = 1.0 - gallery @ embs[high].T
            rows, cols = linear_sum_assignment(cost)
            for r, c in zip(rows, cols):
                if cost[r, c] < self.cfg.match_thresh:
                    det = high[c]
                    self.tracks[r].update(boxes[det], embs[det])
                    unmatched.discard(int(det))
        for det in sorted(unmatched):
            self.tracks.append(Track(boxes[det], embs[det], self.cfg))
        return self.tracks


def detections(frame_no, rng, n_objects=5, n_det=96):
    boxes = rng.uniform(0, 600, (n_det, 4))
    boxes[:, 2:] += boxes[:, :2]
    scores = rng.uniform(0.05, 0.4, n_det)
    ids = np.full(n_det, -1)
    scores[:n_objects] = rng.uniform(0.7, 0.95, n_objects)
    ids[:n_objects] = np.arange(n_objects)
    return boxes, scores, ids


def scenario():
    rng = np.random.default_rng(3)
    tracker = AppearanceTracker()
    for frame_no in range(60):
        boxes, scores, ids = detections(frame_no, rng)
        tracker.update(frame_no, boxes, scores, ids)
    return tracker.tracks
