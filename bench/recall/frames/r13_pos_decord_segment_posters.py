"""Poster frames for a video index, sampled TSN-style with a decord-like reader: each video is split
into `num_segments` equal segments, one frame index is drawn per segment, and the clip is decoded in
one call with `vr.get_batch(indices).asnumpy()` (a new (T, H, W, 3) array per video).  The indexer
feeds the clip to the classifier stand-in and keeps the middle sampled frame as the video's poster
for the catalogue page.  Written after video-recognition data pipelines (action-recognition loaders
that open `VideoReader(path, ctx=cpu(0))`, sample segment indices with `np.linspace`/`np.arange` and
decode with `get_batch(...).asnumpy()`); the reader is a seeded stand-in for decord's."""
import numpy as np


class _NDArray:
    """What decord's get_batch returns: a handle converted to NumPy with asnumpy()."""

    def __init__(self, data):
        self._data = data

    def asnumpy(self):
        return self._data

    @property
    def shape(self):
        return self._data.shape


class VideoReader:
    def __init__(self, uri, width=160, height=120, num_frames=900, fps=30.0):
        self.uri = uri
        self.width = width
        self.height = height
        self._num_frames = num_frames
        self._fps = fps
        self._rng = np.random.default_rng(abs(hash(uri)) % (2**32))

    def __len__(self):
        return self._num_frames

    def get_avg_fps(self):
        return self._fps

    def get_batch(self, indices):
        n = len(indices)
        data = self._rng.integers(0, 256, size=(n, self.height, self.width, 3), dtype=np.uint8)
        return _NDArray(data)


def segment_indices(num_frames, num_segments, rng):
    edges = np.linspace(0, num_frames, num_segments + 1).astype(int)
    return [int(rng.integers(lo, max(lo + 1, hi))) for lo, hi in zip(edges[:-1], edges[1:])]


def classify(clip):
    return int(clip.mean(axis=(1, 2, 3)).argmax())


def index_videos(paths, num_segments=16, seed=0):
    rng = np.random.default_rng(seed)
    catalogue = {}
    for path in paths:
        vr = VideoReader(path)
        idx = segment_indices(len(vr), num_segments, rng)
        frames = vr.get_batch(idx).asnumpy()
        label = classify(frames)
        catalogue[path] = {"label": label, "poster": frames[num_segments // 2]}  # expect: VL002
    return catalogue


def scenario():
    paths = [f"videos/clip_{k:03d}.mp4" for k in range(40)]
    return index_videos(paths)
