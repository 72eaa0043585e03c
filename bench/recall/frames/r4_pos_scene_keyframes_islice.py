"""Scene browser: decode a clip, take every Nth frame with itertools.islice, and keep a small
keyframe thumbnail per detected scene in a defaultdict for a contact sheet."""
import itertools
from collections import defaultdict

import numpy as np


class ClipReader:
    """Stand-in for a cv2.VideoCapture-backed reader: read() returns (ok, BGR frame)."""

    def __init__(self, n_frames=120, height=360, width=640, seed=7):
        self.n_frames = n_frames
        self.shape = (height, width, 3)
        self.rng = np.random.default_rng(seed)
        self.pos = 0

    def read(self):
        if self.pos >= self.n_frames:
            return False, None
        self.pos += 1
        return True, self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)


def video_frames(reader):
    while True:
        ok, frame = reader.read()
        if not ok:
            return
        yield frame[:, :, ::-1]  # BGR -> RGB


def scene_id(frame, n_scenes=4):
    return int(frame[::32, ::32].mean()) % n_scenes


def build_contact_sheet(reader, every=3, thumb_step=8):
    sheet = defaultdict(list)
    for idx, rgb in enumerate(itertools.islice(video_frames(reader), 0, None, every)):
        thumb = rgb[::thumb_step, ::thumb_step]
        sheet[scene_id(rgb)].append((idx * every, thumb))  # expect: VL002
    return dict(sheet)


def scenario():
    return build_contact_sheet(ClipReader())
