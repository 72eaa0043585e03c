"""Online IoU tracker for a detector that also returns an appearance embedding;
tracks keep their boxes as plain lists for the MOT-format writer."""
import numpy as np


def box_iou(a, b):
    ix1, iy1 = max(a[0], b[0]), max(a[1], b[1])
    ix2, iy2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, ix2 - ix1) * max(0.0, iy2 - iy1)
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    return inter / (area_a + area_b - inter + 1e-9)


class Tracklet:
    def __init__(self, tid, det):
        self.tid = tid
        self.history = [det[:4].tolist()]
        self.hits = 1

    @property
    def last_box(self):
        return self.history[-1]

    def extend(self, det):
        self.history.append(det[:4].tolist())
        self.hits += 1


class OnlineTracker:
    def __init__(self, iou_thr=0.4, score_thr=0.3):
        self.iou_thr = iou_thr
        self.score_thr = score_thr
        self.tracklets = []
        self.done = []
        self.count = 0

    def step(self, dets):
        pending = [row for row in dets if row[4] > self.score_thr]
        alive = []
        for trk in self.tracklets:
            scored = [(box_iou(trk.last_box, row), j) for j, row in enumerate(pending)]
            if scored:
                best_iou, j = max(scored)
                if best_iou >= self.iou_thr:
                    trk.extend(pending.pop(j))
                    alive.append(trk)
                    continue
            self.done.append(trk)
        for row in pending:
            self.count += 1
            alive.append(Tracklet(self.count, row))
        self.tracklets = alive


def synthetic_frames(n_frames, n_objects=40, emb_dim=1024, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(0, 1800, size=(n_objects, 2))
    velocity = rng.normal(0, 2.0, size=(n_objects, 2))
    for _ in range(n_frames):
        centers = centers + velocity
        boxes = np.hstack([centers - 30.0, centers + 30.0])
        scores = rng.uniform(0.5, 1.0, size=(n_objects, 1))
        yield np.hstack([boxes, scores, rng.normal(size=(n_objects, emb_dim))])


def scenario():
    tracker = OnlineTracker()
    for dets in synthetic_frames(30):
        tracker.step(dets)
    return tracker.done + tracker.tracklets
