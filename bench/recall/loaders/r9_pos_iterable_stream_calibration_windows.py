"""Streaming EEG/audio loader built on `torch.utils.data.IterableDataset`, as in signal-processing
training code that decodes one recording at a time, shards recordings across workers with
`get_worker_info()`, and yields fixed windows.  A calibration step takes the first window of every
recording from a `DataLoader(..., batch_size=None)` to fit input normalisation later.  Each kept
(16, 256) window is a slice of its whole decoded (16, 48000) recording."""
from collections import Counter

import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class RecordingStream(IterableDataset):
    def __init__(self, n_recordings=30, channels=16, length=48000, window=256, hop=4096, seed=0):
        super().__init__()
        self.n_recordings = n_recordings
        self.channels = channels
        self.length = length
        self.window = window
        self.hop = hop
        self.seed = seed

    def _decode(self, rec_id):
        rng = np.random.default_rng(self.seed + rec_id)
        return rng.standard_normal((self.channels, self.length), dtype=np.float32)

    def __iter__(self):
        info = get_worker_info()
        if info is None:
            ids = range(self.n_recordings)
        else:
            ids = range(info.id, self.n_recordings, info.num_workers)
        for rec_id in ids:
            signal = torch.from_numpy(self._decode(rec_id))
            for start in range(0, self.length - self.window + 1, self.hop):
                yield rec_id, signal[:, start:start + self.window]


def calibration_windows(stream, per_recording=1):
    loader = DataLoader(stream, batch_size=None, num_workers=0)
    seen = Counter()
    calib = []
    for rec_id, window in loader:
        if seen[rec_id] < per_recording:
            calib.append(window)  # expect: VL002
        seen[rec_id] += 1
    return calib


def scenario():
    return calibration_windows(RecordingStream())
