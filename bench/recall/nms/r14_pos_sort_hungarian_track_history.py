"""A SORT-style multi-object tracker, written after the small SORT/ByteTrack
ports found in tracking repositories: each frame the detector hands back a new
`(N, 6)` array of candidates (x1, y1, x2, y2, score, class), the tracker builds
an IoU cost matrix between its tracks' last boxes and every candidate, solves
the assignment with `scipy.optimize.linear_sum_assignment`, and for each
matched pair moves the track and files the matched detection in the track's
`history` dict under the frame number, for the trajectory export at the end.
`dets[c]` is a row of that frame's whole detection array: every history entry
pins one whole frame of candidates."""
import numpy as np
from scipy.optimize import linear_sum_assignment


def detect(frame_id, n_objects=12, n_clutter=20000):
    """Stand-in for the detector: objects drifting right, plus clutter."""
    rng = np.random.default_rng(frame_id)
    k = np.arange(n_objects, dtype=np.float64)
    x1 = 40.0 * k + 3.0 * frame_id + rng.normal(0, 0.5, n_objects)
    y1 = 20.0 * k + rng.normal(0, 0.5, n_objects)
    objects = np.stack([x1, y1, x1 + 30, y1 + 30,
                        np.full(n_objects, 0.9), k % 3], axis=1)
    xy = rng.uniform(0, 2000, size=(n_clutter, 2))
    clutter = np.concatenate([xy, xy + 5.0, rng.uniform(0, 0.2, (n_clutter, 1)),
                              rng.integers(0, 3, (n_clutter, 1))], axis=1)
    return np.concatenate([objects, clutter], axis=0)


def iou_matrix(a, b):
    tl = np.maximum(a[:, None, :2], b[None, :, :2])
    br = np.minimum(a[:, None, 2:4], b[None, :, 2:4])
    inter = np.prod(np.clip(br - tl, 0, None), axis=2)
    area_a = np.prod(a[:, 2:4] - a[:, :2], axis=1)
    area_b = np.prod(b[:, 2:4] - b[:, :2], axis=1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


class Sort:
    def __init__(self, iou_threshold=0.3, min_score=0.5):
        self.iou_threshold = iou_threshold
        self.min_score = min_score
        self.tracks = []
        self.next_id = 1

    def update(self, dets, frame_id):
        matched = set()
        if self.tracks:
            boxes = np.array([t["box"] for t in self.tracks])
            iou = iou_matrix(boxes, dets[:, :4])
            rows, cols = linear_sum_assignment(1.0 - iou)
            for r, c in zip(rows, cols):
                if iou[r, c] < self.iou_threshold:
                    continue
                track = self.tracks[r]
                track["box"] = dets[c, :4].tolist()
                track["hits"] += 1
                track["history"][frame_id] = dets[c]  # expect: VL002
                matched.add(int(c))
        for c in np.flatnonzero(dets[:, 4] >= self.min_score):
            if int(c) not in matched:
                self.tracks.append({"id": self.next_id, "box": dets[c, :4].tolist(),
                                    "hits": 1, "history": {}})
                self.next_id += 1
        return [(t["id"], t["box"]) for t in self.tracks]


def scenario(n_frames=40):
    tracker = Sort()
    for frame_id in range(n_frames):
        dets = detect(frame_id)
        tracker.update(dets, frame_id)
    return tracker.tracks
