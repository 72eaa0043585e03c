"""Multi-camera tracking: per frame, a dict of crops keyed by track id is appended to the history."""
import numpy as np


def synthetic_camera(n_frames, shape=(720, 1280, 3), seed=5):
    rng = np.random.default_rng(seed)
    for _ in range(n_frames):
        yield rng.integers(0, 256, size=shape, dtype=np.uint8)


class Tracker:
    def __init__(self):
        self.tracks = {}
        self._next_id = 0

    def update(self, frame_idx):
        if frame_idx % 10 == 0:
            self.tracks[self._next_id] = (40 * self._next_id, 100, 40 * self._next_id + 32, 164)
            self._next_id += 1
        return self.tracks


def build_history(n_frames=24):
    tracker = Tracker()
    history = []
    for frame_idx, frame in enumerate(synthetic_camera(n_frames)):
        tracks = tracker.update(frame_idx)
        crops = {tid: frame[y1:y2, x1:x2] for tid, (x1, y1, x2, y2) in tracks.items()}
        history.append(crops)  # expect: VL002
    return history


def scenario():
    return build_history()
