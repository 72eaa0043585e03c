"""Face clustering for a video: each detection's crop is grouped by the track id it was assigned,
using a crop function bound with functools.partial (margin) and dict.setdefault."""
from functools import partial

import numpy as np


def crop_box(frame, box, margin=0):
    h, w = frame.shape[:2]
    x1, y1, x2, y2 = box
    x1, y1 = max(0, x1 - margin), max(0, y1 - margin)
    x2, y2 = min(w, x2 + margin), min(h, y2 + margin)
    return frame[y1:y2, x1:x2]


class StubFaceDetector:
    """Stand-in for a face detector + tracker returning (track_id, box) pairs."""

    def __init__(self, n_faces=3):
        self.n_faces = n_faces

    def __call__(self, frame, index):
        out = []
        for k in range(self.n_faces):
            x = 50 + 120 * k + (index % 7)
            out.append((k, (x, 80, x + 40, 130)))
        return out


def decode_video(n_frames=50, shape=(288, 512, 3), seed=12):
    rng = np.random.default_rng(seed)
    for index in range(n_frames):
        yield index, rng.integers(0, 256, size=shape, dtype=np.uint8)


def group_faces(video, detector, margin=4, keep_every=1):
    cut = partial(crop_box, margin=margin)
    faces = {}
    for index, frame in video:
        if index % keep_every:
            continue
        for track_id, box in detector(frame, index):
            faces.setdefault(track_id, []).append(cut(frame, box))  # expect: VL002
    return faces


def scenario():
    return group_faces(decode_video(), StubFaceDetector(), margin=4)
