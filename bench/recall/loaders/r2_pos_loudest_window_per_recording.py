"""Keyword-spotting dataset: each recording is framed with a sliding window and its loudest second kept."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

SAMPLE_RATE = 16000


def read_wav(path, seconds=20):
    """Stand-in for soundfile.read(path, dtype='float32')[0]."""
    rng = np.random.default_rng(sum(map(ord, path)))
    return rng.standard_normal(seconds * SAMPLE_RATE).astype(np.float32)


class LoudestSecondDataset:
    def __init__(self, paths, window=SAMPLE_RATE, hop=SAMPLE_RATE // 2):
        self.clips = []
        self.names = []
        for path in paths:
            signal = read_wav(path)
            frames = sliding_window_view(signal, window)[::hop]
            loudest = max(frames, key=lambda f: float(np.abs(f).mean()))
            self.clips.append(loudest)  # expect: VL002
            self.names.append(path)

    def __len__(self):
        return len(self.clips)

    def __getitem__(self, i):
        return self.clips[i], self.names[i]


def scenario():
    paths = [f"speech_commands/yes/{i:04d}.wav" for i in range(12)]
    return LoudestSecondDataset(paths)
