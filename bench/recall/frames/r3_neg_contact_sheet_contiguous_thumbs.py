"""Contact sheet builder: one thumbnail every few frames, subsampled with a configurable stride and
made contiguous (np.ascontiguousarray copies a strided view) before it is kept."""
import numpy as np

DEFAULTS = {"every": 5, "stride": 8, "max_thumbs": 64}


def frame_reader(n_frames=120, shape=(360, 480, 3), seed=4):
    """Stand-in for cv2.VideoCapture: yields a freshly decoded frame each time."""
    rng = np.random.default_rng(seed)
    for _ in range(n_frames):
        yield rng.integers(0, 256, size=shape, dtype=np.uint8)


class ContactSheet:
    def __init__(self, config=None):
        cfg = dict(DEFAULTS, **(config or {}))
        self.every = cfg["every"]
        self.stride = cfg["stride"]
        self.max_thumbs = cfg["max_thumbs"]
        self.thumbs = []

    def add(self, frame):
        thumb = frame[::self.stride, ::self.stride]
        self.thumbs.append(np.ascontiguousarray(thumb))

    def build(self, frames):
        for i, frame in enumerate(frames):
            if i % self.every:
                continue
            self.add(frame)
            if len(self.thumbs) >= self.max_thumbs:
                break
        return self.thumbs


def scenario():
    return ContactSheet({"every": 2}).build(frame_reader())
