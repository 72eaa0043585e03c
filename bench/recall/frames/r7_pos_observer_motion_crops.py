"""Motion-triggered crop recorder for a surveillance pipeline.  The reader decodes the stream in
chunks of frames (one uint8 array per chunk, BGR as OpenCV gives it); each frame is published on an
event bus, and subscribers react: a counter, and a recorder that keeps an RGB crop around the
moving region whenever the frame differs enough from the previous one."""
from collections import defaultdict

import numpy as np


class ChunkedReader:
    """Stand-in for a cv2/PyAV reader that decodes `chunk` frames at a time."""

    def __init__(self, n_frames, chunk=32, shape=(120, 160), seed=0):
        self.n_frames = n_frames
        self.chunk = chunk
        self.shape = shape
        self.rng = np.random.default_rng(seed)

    def read_chunk(self):
        return self.rng.integers(0, 256, (self.chunk, *self.shape, 3), dtype=np.uint8)

    def __len__(self):
        return (self.n_frames + self.chunk - 1) // self.chunk


class EventBus:
    def __init__(self):
        self._subscribers = defaultdict(list)

    def subscribe(self, event, callback):
        self._subscribers[event].append(callback)

    def publish(self, event, *args):
        for callback in self._subscribers[event]:
            callback(*args)


class FrameCounter:
    def __init__(self):
        self.count = 0

    def on_frame(self, index, frame):
        self.count += 1


class MotionCropRecorder:
    def __init__(self, threshold=127.0, box=32):
        self.threshold = threshold
        self.box = box
        self.previous_mean = None
        self.crops = []

    def _region(self, frame):
        h, w = frame.shape[:2]
        cy, cx = h // 2, w // 2
        half = self.box // 2
        return cy - half, cy + half, cx - half, cx + half

    def on_frame(self, index, frame):
        mean = float(frame.mean())
        moved = self.previous_mean is not None and abs(mean - self.previous_mean) > 0.05
        self.previous_mean = mean
        if not moved:
            return
        y0, y1, x0, x1 = self._region(frame)
        self.crops.append((index, frame[y0:y1, x0:x1, ::-1]))  # expect: VL001


def run(reader, bus):
    index = 0
    failures = 0
    for _ in range(len(reader)):
        try:
            chunk = reader.read_chunk()
        except OSError:
            failures += 1
            continue
        try:
            for frame in chunk:
                bus.publish("frame", index, frame)
                index += 1
        finally:
            del chunk
    return index, failures


def scenario():
    bus = EventBus()
    counter, recorder = FrameCounter(), MotionCropRecorder()
    bus.subscribe("frame", counter.on_frame)
    bus.subscribe("frame", recorder.on_frame)
    run(ChunkedReader(n_frames=32 * 20), bus)
    return recorder.crops
