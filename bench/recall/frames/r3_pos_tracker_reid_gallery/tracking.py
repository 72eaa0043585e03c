"""A small IoU tracker whose tracks keep an appearance gallery for re-identification."""
import itertools

import torch


def iou(a, b):
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0, x2 - x1) * max(0, y2 - y1)
    area = lambda r: (r[2] - r[0]) * (r[3] - r[1])
    return inter / float(area(a) + area(b) - inter + 1e-9)


class Track:
    _ids = itertools.count(1)

    def __init__(self, box, gallery_every=2):
        self.track_id = next(self._ids)
        self.box = box
        self.age = 0
        self.gallery_every = gallery_every
        self.gallery = []

    @property
    def is_confirmed(self):
        return self.age >= 2

    def update(self, box, patch):
        self.box = box
        self.age += 1
        if self.age % self.gallery_every == 0:
            self.gallery.append(patch)  # expect: VL002


class IoUTracker:
    def __init__(self, iou_threshold=0.3, **track_kwargs):
        self.iou_threshold = iou_threshold
        self.track_kwargs = track_kwargs
        self.tracks = []

    def _match(self, box):
        best, best_iou = None, self.iou_threshold
        for track in self.tracks:
            score = iou(track.box, box)
            if score > best_iou:
                best, best_iou = track, score
        return best

    def step(self, frame, boxes):
        for box in boxes:
            x1, y1, x2, y2 = box
            patch = frame[:, y1:y2, x1:x2]
            track = self._match(box)
            if track is None:
                track = Track(box, **self.track_kwargs)
                self.tracks.append(track)
            track.update(box, patch)
        return [t for t in self.tracks if t.is_confirmed]
