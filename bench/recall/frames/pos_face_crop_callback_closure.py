"""Face dataset builder: a frame callback (closure) saves the detected face region of each frame."""
import numpy as np


class StreamReader:
    """Stand-in for a camera/video stream delivering frames to registered callbacks."""

    def __init__(self, n_frames, shape=(480, 640, 3), seed=7):
        self.n_frames = n_frames
        self.shape = shape
        self.rng = np.random.default_rng(seed)
        self.callbacks = []

    def on_frame(self, fn):
        self.callbacks.append(fn)
        return fn

    def run(self):
        for ts in range(self.n_frames):
            frame = self.rng.random(self.shape, dtype=np.float32)
            for fn in self.callbacks:
                fn(ts, frame)


def make_face_collector(face_size=64):
    faces = []

    def collect(ts, frame):
        h, w = frame.shape[:2]
        cy, cx = h // 2, w // 2
        half = face_size // 2
        face = frame[cy - half:cy + half, cx - half:cx + half]
        faces.append((ts, face))  # expect: VL002

    return collect, faces


def scenario():
    reader = StreamReader(n_frames=30)
    collect, faces = make_face_collector()
    reader.on_frame(collect)
    reader.run()
    return faces
