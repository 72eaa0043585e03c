"""Shot summary for a video editor: a shot-boundary detector tags every decoded frame with a shot
id, `itertools.groupby(tagged, key=itemgetter(0))` walks the frames shot by shot, and for each shot
the summary keeps its sharpest frame (whole) and a 4x mean-pooled thumbnail computed with
`frame.reshape(h // 4, 4, w // 4, 4, 3).mean(axis=(1, 3))`.  The thumbnail starts as a view
(`reshape`) but the reduction makes a new array, and the key frame is kept whole: nothing here is a
small view of a larger array.  Written after shot-segmentation tools that group frames by shot id
and keep a key frame per shot; the decoder is a seeded stand-in (a new frame per read)."""
import itertools
from operator import itemgetter

import numpy as np


def decode(n_frames=180, height=240, width=320, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n_frames):
        yield rng.random((height, width, 3), dtype=np.float32)


def tag_shots(frames, threshold=0.2, mean_len=24, seed=1):
    rng = np.random.default_rng(seed)
    shot = 0
    for frame in frames:
        if rng.random() < 1.0 / mean_len:
            shot += 1
        yield shot, frame


def sharpness(frame):
    gray = frame.mean(axis=2)
    return float(np.abs(np.diff(gray, axis=0)).mean() + np.abs(np.diff(gray, axis=1)).mean())


def summarize(tagged):
    keyframes = {}
    thumbs = []
    for shot_id, group in itertools.groupby(tagged, key=itemgetter(0)):
        best, best_score = None, -1.0
        for _, frame in group:
            score = sharpness(frame)
            if score > best_score:
                best, best_score = frame, score
        h, w, _ = best.shape
        keyframes[shot_id] = best
        thumbs.append(best.reshape(h // 4, 4, w // 4, 4, 3).mean(axis=(1, 3)))
    return keyframes, thumbs


def scenario():
    return summarize(tag_shots(decode()))
