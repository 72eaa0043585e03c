"""Clip builder for a video classifier: each decoded frame (a fresh HxWx3 uint8 array) is turned into
a (1, 3, H, W) float tensor with from_numpy / permute / [None] and kept until the clip is complete,
then the clip is concatenated.  Every kept tensor shows its whole frame."""
import numpy as np
import torch


class FrameDecoder:
    """Stand-in for a PyAV / decord frame iterator yielding HxWx3 uint8 frames."""

    def __init__(self, n_frames, height=112, width=112, seed=5):
        self.n_frames = n_frames
        self.height = height
        self.width = width
        self.rng = np.random.default_rng(seed)

    def __iter__(self):
        for _ in range(self.n_frames):
            yield self.rng.integers(0, 256, (self.height, self.width, 3), dtype=np.uint8)


def to_chw_float(frame):
    t = torch.from_numpy(frame).to(torch.float32).div_(255.0)
    return t.permute(2, 0, 1)


def build_clips(decoder, clip_len=16, stride=2):
    clips, pending = [], []
    for idx, frame in enumerate(decoder):
        if idx % stride:
            continue
        pending.append(to_chw_float(frame)[None])
        if len(pending) == clip_len:
            clips.append(torch.cat(pending, dim=0))
            pending = []
    return clips, pending


def scenario():
    return build_clips(FrameDecoder(16 * 2 * 6 + 10))
