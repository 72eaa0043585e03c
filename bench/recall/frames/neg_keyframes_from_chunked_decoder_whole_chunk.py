"""Shot detection: every frame of every decoded chunk is kept for later scoring (nothing hidden)."""
import numpy as np


def decode_chunks(n_chunks, gop=16, height=360, width=640, seed=3):
    rng = np.random.default_rng(seed)
    for _ in range(n_chunks):
        yield rng.integers(0, 256, (gop, height, width, 3), dtype=np.uint8)


def iter_frames(n_chunks):
    for chunk in decode_chunks(n_chunks):
        for i in range(chunk.shape[0]):
            yield chunk[i]


def collect_all(n_chunks):
    frames = []
    for frame in iter_frames(n_chunks):
        frames.append(frame)
    return frames


def scenario():
    return collect_all(n_chunks=6)
