"""Action-recognition preprocessing: centre crops of every decoded frame are collected into a clip."""
from dataclasses import dataclass

import numpy as np


class FakeVideoReader:
    """Test double for a decord/PyAV reader: next_frame() decodes one full-HD RGB frame or returns None."""

    def __init__(self, path, n_frames=20, height=1080, width=1920):
        self.path = path
        self.n_frames = n_frames
        self.height = height
        self.width = width
        self._decoded = 0
        self._rng = np.random.default_rng(abs(hash(path)) % 1000)

    def next_frame(self):
        if self._decoded == self.n_frames:
            return None
        self._decoded += 1
        return self._rng.integers(0, 256, size=(self.height, self.width, 3), dtype=np.uint8)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._decoded = self.n_frames
        return False


@dataclass
class CropConfig:
    size: int = 224
    every: int = 2


def center_crop(frame, cfg):
    h, w = frame.shape[:2]
    top = (h - cfg.size) // 2
    left = (w - cfg.size) // 2
    return frame[top:top + cfg.size, left:left + cfg.size]


def extract_clip(path, cfg=CropConfig()):
    clip = []
    index = 0
    with FakeVideoReader(path) as reader:
        while (frame := reader.next_frame()) is not None:
            if index % cfg.every == 0:
                clip.append(center_crop(frame, cfg))  # expect: VL002
            index += 1
    return clip


def scenario():
    return extract_clip("videos/jumping_jacks_0001.mp4")
