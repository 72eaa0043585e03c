"""Optical-flow dataset builder: frames are read from a generator, the region around the road is
cut out of every frame with a comprehension, and consecutive pairs become training samples."""
import numpy as np


def read_frames(n_frames, height=270, width=480, seed=8):
    """Stand-in for a cv2.VideoCapture loop: a new decoded frame per iteration."""
    rng = np.random.default_rng(seed)
    for _ in range(n_frames):
        yield rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)


class FlowPairBuilder:
    def __init__(self, roi=(150, 214, 160, 256), max_gap=1):
        self.roi = roi
        self.max_gap = max_gap

    def crops(self, frames):
        top, bottom, left, right = self.roi
        return [f[top:bottom, left:right] for f in frames]  # expect: VL002

    def build(self, frames):
        crops = self.crops(frames)
        pairs = list(zip(crops[:-self.max_gap], crops[self.max_gap:]))
        return pairs


def scenario():
    return FlowPairBuilder().build(read_frames(60))
