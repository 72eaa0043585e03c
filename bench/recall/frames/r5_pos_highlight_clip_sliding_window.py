"""Highlight extraction: decode each video into a (T, H, W, C) array, cut it into overlapping
clips with numpy's sliding_window_view, score the clips by motion energy and keep the best clip of
every video (time axis moved first, as the clip encoder expects) for a highlight reel."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def decode_video(path, n_frames=64, height=96, width=128):
    """Stand-in for decord.VideoReader(path).get_batch(range(n)).asnumpy()."""
    rng = np.random.default_rng(abs(hash(path)) % (2 ** 32))
    return rng.integers(0, 256, size=(n_frames, height, width, 3), dtype=np.uint8)


def motion_energy(clip):
    # clip: (H, W, C, L) as produced by sliding_window_view over axis 0
    diffs = np.abs(np.diff(clip[::8, ::8].astype(np.int16), axis=-1))
    return float(diffs.mean())


class HighlightReel:
    def __init__(self, clip_len=4, stride=4):
        self.clip_len = clip_len
        self.stride = stride
        self.clips = {}

    def add_video(self, path):
        frames = decode_video(path)
        windows = sliding_window_view(frames, self.clip_len, axis=0)[::self.stride]
        best = max(range(len(windows)), key=lambda i: motion_energy(windows[i]))
        clip = np.moveaxis(windows[best], -1, 0)  # (L, H, W, C)
        self.clips[path] = clip  # expect: VL002


def scenario():
    reel = HighlightReel()
    for i in range(12):
        reel.add_video(f"videos/match_{i:03d}.mp4")
    return reel.clips
