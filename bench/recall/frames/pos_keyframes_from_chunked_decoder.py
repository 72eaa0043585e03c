"""Shot detection: a decoder yields frames out of decoded GOP chunks; every 16th frame is a keyframe."""
import numpy as np


def decode_chunks(n_chunks, gop=16, height=360, width=640, seed=3):
    rng = np.random.default_rng(seed)
    for _ in range(n_chunks):
        # one decoded group of pictures, (gop, H, W, 3)
        yield rng.integers(0, 256, (gop, height, width, 3), dtype=np.uint8)


def iter_frames(n_chunks):
    for chunk in decode_chunks(n_chunks):
        for i in range(chunk.shape[0]):
            yield chunk[i]


def select_keyframes(n_chunks, every=16):
    keyframes = []
    for idx, frame in enumerate(iter_frames(n_chunks)):
        if idx % every == 0:
            keyframes.append(frame)  # expect: VL002
    return keyframes


def scenario():
    return select_keyframes(n_chunks=6)
