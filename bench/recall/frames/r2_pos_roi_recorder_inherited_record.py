"""Surveillance analytics: recorders share a base class; the ROI recorder keeps a region of each frame."""
import numpy as np


class Camera:
    """Stand-in for an RTSP stream: grab() returns (ok, frame) like cv2.VideoCapture.read()."""

    def __init__(self, n_frames=12, shape=(1080, 1920, 3), seed=9):
        self.remaining = n_frames
        self.shape = shape
        self.rng = np.random.default_rng(seed)

    def grab(self):
        if self.remaining == 0:
            return False, None
        self.remaining -= 1
        return True, self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)


class BaseRecorder:
    def __init__(self):
        self.buffer = []
        self.n_seen = 0

    def preprocess(self, frame):
        return frame

    def record(self, frame):
        self.n_seen += 1
        self.buffer.append(self.preprocess(frame))  # expect: VL002

    def flush_to(self, sink):
        sink.extend(self.buffer)
        self.buffer = []


class RoiRecorder(BaseRecorder):
    def __init__(self, top, left, height, width):
        super().__init__()
        self.top, self.left = top, left
        self.bottom, self.right = top + height, left + width

    def preprocess(self, frame):
        return frame[self.top:self.bottom, self.left:self.right]


def watch(camera, recorder):
    while True:
        ok, frame = camera.grab()
        if not ok:
            break
        recorder.record(frame)
    return recorder


def scenario():
    rec = watch(Camera(), RoiRecorder(top=500, left=900, height=120, width=160))
    return rec.buffer
