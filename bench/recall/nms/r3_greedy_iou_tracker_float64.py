"""A greedy IoU tracker in the style of SORT without the Kalman filter: each
frame the detector's raw output (all candidate rows: box, objectness, class
scores) is matched to the live tracks by IoU, and each track keeps the box it
was matched to in every frame for the trajectory plot, converted to float64
for the smoother (the conversion copies the float32 row)."""
import itertools

import numpy as np


def iou_matrix(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:4], b[None, :, 2:4])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


class Track:
    _ids = itertools.count()

    def __init__(self, box, frame_idx):
        self.track_id = next(self._ids)
        self.history = [np.asarray(box, dtype=np.float64)]
        self.start = frame_idx
        self.misses = 0

    @property
    def last_box(self):
        return self.history[-1]

    def update(self, box):
        self.history.append(np.asarray(box, dtype=np.float64))
        self.misses = 0


class GreedyTracker:
    def __init__(self, iou_threshold=0.3, max_misses=3, min_score=0.5):
        self.iou_threshold = iou_threshold
        self.max_misses = max_misses
        self.min_score = min_score
        self.tracks = []
        self.finished = []

    def step(self, frame_idx, raw):
        cand = np.flatnonzero(raw[:, 4] > self.min_score)
        boxes = raw[cand, :4]
        if self.tracks and len(cand):
            last = np.stack([t.last_box for t in self.tracks])
            ious = iou_matrix(last, boxes)
            used = set()
            for ti, track in enumerate(self.tracks):
                j = int(ious[ti].argmax())
                if ious[ti, j] < self.iou_threshold or j in used:
                    track.misses += 1
                    continue
                used.add(j)
                track.update(raw[cand[j], :4])
        alive = []
        for track in self.tracks:
            (alive if track.misses <= self.max_misses else self.finished).append(track)
        self.tracks = alive
        if frame_idx == 0:
            self.tracks = [Track(raw[i, :4], frame_idx) for i in cand[:6]]


def fake_detector(n_frames, n_cand=30000, n_cols=12, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(100, 500, size=(6, 2))
    for _ in range(n_frames):
        raw = np.empty((n_cand, n_cols), dtype=np.float32)
        xy = rng.uniform(0, 600, size=(n_cand, 2))
        raw[:, :2] = xy
        raw[:, 2:4] = xy + 30
        raw[:, 4] = rng.uniform(0, 0.4, size=n_cand)
        raw[:, 5:] = rng.uniform(size=(n_cand, n_cols - 5))
        centers += rng.normal(0, 1.5, size=centers.shape)
        raw[:6, :2] = centers
        raw[:6, 2:4] = centers + 30
        raw[:6, 4] = 0.95
        yield raw


def scenario():
    tracker = GreedyTracker()
    for frame_idx, raw in enumerate(fake_detector(50)):
        tracker.step(frame_idx, raw)
    return [t.history for t in tracker.tracks + tracker.finished]
