"""A ByteTrack-style multi-object tracker, after the BYTETracker/STrack
classes of tracking repositories (and their BoT-SORT variants that carry a
re-identification embedding in each detection row): each frame's detections
are split by score into a high and a low set with boolean masks (new arrays
per frame), tracks are matched to the high set first and to the low set
second by a greedy IoU assignment, and unmatched high detections start new
tracks.  Each `STrack` keeps its trajectory in an unbounded `deque()` (no
`maxlen`) of `det[:4]`: a view of the row of that frame's high or low set,
so every stored box pins the whole set, embeddings included."""
from collections import deque

import numpy as np


class STrack:
    _next_id = 0

    def __init__(self, det):
        STrack._next_id += 1
        self.track_id = STrack._next_id
        self.tlbr = det[:4].copy()
        self.score = float(det[4])
        self.history = deque()
        self.lost = 0

    def update(self, det):
        self.history.append(det[:4])  # expect: VL002
        self.tlbr = 0.7 * self.tlbr + 0.3 * det[:4]
        self.score = float(det[4])
        self.lost = 0


def iou_matrix(a, b):
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)))
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def greedy_match(tracks, dets, thresh):
    boxes = np.array([t.tlbr for t in tracks]).reshape(-1, 4)
    iou = iou_matrix(boxes, dets[:, :4])
    matches, used = [], set()
    for ti in range(len(tracks)):
        if iou.shape[1] == 0:
            break
        di = int(iou[ti].argmax())
        if iou[ti, di] >= thresh and di not in used:
            used.add(di)
            matches.append((ti, di))
    unmatched_tracks = [t for k, t in enumerate(tracks) if k not in {m[0] for m in matches}]
    unmatched_dets = [d for d in range(len(dets)) if d not in used]
    return matches, unmatched_tracks, unmatched_dets


class BYTETracker:
    def __init__(self, high=0.6, low=0.1, match_thresh=0.3, buffer=30):
        self.high, self.low, self.match_thresh, self.buffer = high, low, match_thresh, buffer
        self.tracks = []

    def step(self, dets):
        dets_high = dets[dets[:, 4] >= self.high]
        dets_low = dets[(dets[:, 4] >= self.low) & (dets[:, 4] < self.high)]
        matches, rest, new_dets = greedy_match(self.tracks, dets_high, self.match_thresh)
        for ti, di in matches:
            self.tracks[ti].update(dets_high[di])
        matches_low, lost, _ = greedy_match(rest, dets_low, 0.5)
        for ti, di in matches_low:
            rest[ti].update(dets_low[di])
        for t in lost:
            t.lost += 1
        for di in new_dets:
            self.tracks.append(STrack(dets_high[di]))
        self.tracks = [t for t in self.tracks if t.lost <= self.buffer]
        return self.tracks


def detector(frame, objects, rng, emb_dim=512):
    n_obj = len(objects)
    jitter = rng.normal(0, 2.0, (n_obj, 4))
    boxes = objects + jitter + frame * np.array([1.5, 0.5, 1.5, 0.5])
    scores = rng.uniform(0.05, 1.0, n_obj)
    emb = rng.standard_normal((n_obj, emb_dim))
    return np.hstack([boxes, scores[:, None], np.zeros((n_obj, 1)), emb])


def scenario(n_frames=150, n_obj=40, seed=0):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1500, (n_obj, 2))
    objects = np.hstack([xy, xy + rng.uniform(30, 80, (n_obj, 2))])
    tracker = BYTETracker()
    for frame in range(n_frames):
        tracker.step(detector(frame, objects, rng))
    return tracker.tracks
