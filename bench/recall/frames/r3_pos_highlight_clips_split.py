"""Sports highlight extractor: decode a video in chunks, split each chunk into short clips and keep
the clip with the most motion."""
import numpy as np


class ChunkedVideoReader:
    """Stand-in for a decord/PyAV reader that decodes `chunk` frames at a time."""

    def __init__(self, n_frames=768, chunk=64, size=(120, 160), seed=11):
        self.n_frames = n_frames
        self.chunk = chunk
        self.size = size
        self.seed = seed

    def __len__(self):
        return self.n_frames

    def __iter__(self):
        rng = np.random.default_rng(self.seed)
        for start in range(0, self.n_frames, self.chunk):
            n = min(self.chunk, self.n_frames - start)
            yield start, rng.integers(0, 256, size=(n, *self.size, 3), dtype=np.uint8)


class HighlightExtractor:
    def __init__(self, clip_len=4, min_motion=0.0):
        self.clip_len = clip_len
        self.min_motion = min_motion
        self.highlights = []
        self.starts = []

    @staticmethod
    def motion_energy(clip):
        diffs = np.abs(np.diff(clip.astype(np.int16), axis=0))
        return float(diffs.mean())

    def __call__(self, reader):
        for start, chunk in reader:
            if len(chunk) % self.clip_len:
                continue
            clips = np.split(chunk, len(chunk) // self.clip_len)
            best = max(clips, key=self.motion_energy)
            if self.motion_energy(best) < self.min_motion:
                continue
            self.highlights.append(best)  # expect: VL002
            self.starts.append(start)
        return self.highlights


def scenario():
    extractor = HighlightExtractor()
    return extractor(ChunkedVideoReader())
