"""Speaker embeddings for diarisation in NumPy: each recording's log-mel frames are cut into equal
segments with np.array_split; the mean of each segment is its embedding, and the first frames of the
first segment are kept as a 'voice print' preview per recording."""
import itertools

import numpy as np


def log_mel(signal, n_fft=512, hop=160, n_mels=80, seed=0):
    frames = np.lib.stride_tricks.sliding_window_view(signal, n_fft)[::hop]
    spec = np.abs(np.fft.rfft(frames * np.hanning(n_fft), axis=-1)) ** 2
    fb = np.abs(np.random.default_rng(seed).standard_normal((spec.shape[1], n_mels)))
    return np.log(spec @ fb + 1e-6)


class SegmentEmbedder:
    def __init__(self, n_segments=6, preview_frames=4):
        self.n_segments = n_segments
        self.preview_frames = preview_frames
        self.embeddings = {}
        self.previews = {}

    def process(self, rec_id, signal):
        mel = log_mel(signal)
        segments = np.array_split(mel, self.n_segments, axis=0)
        self.embeddings[rec_id] = np.stack([seg.mean(axis=0) for seg in segments])
        first = next(iter(segments))
        self.previews[rec_id] = first[: self.preview_frames]  # expect: VL001


def recordings(n, seconds=4.0, sr=16000, seed=0):
    rng = np.random.default_rng(seed)
    for i in itertools.count():
        if i >= n:
            return
        yield f"rec{i:03d}", rng.standard_normal(int(seconds * sr)).astype(np.float32)


def scenario():
    embedder = SegmentEmbedder()
    for rec_id, signal in recordings(40):
        embedder.process(rec_id, signal)
    return embedder.embeddings, embedder.previews


if __name__ == "__main__":
    e, p = scenario()
    print(len(e), len(p))
