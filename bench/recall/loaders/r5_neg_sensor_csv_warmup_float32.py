"""Sensor-log dataset over CSV recordings (pandas): each recording is parsed lazily into a
DataFrame (functools.cached_property), windows are sliced with .iloc and converted to float32 arrays, and the loader
keeps the first window of every recording as a warm-up context for a stateful model."""
from functools import cached_property

import numpy as np
import pandas as pd

CHANNELS = [f"imu_{axis}{i}" for i in range(4) for axis in "xyzw"]


def read_recording(path, n_rows=50_000):
    """Stand-in for pd.read_csv(path, usecols=CHANNELS)."""
    rng = np.random.default_rng(abs(hash(path)) % (2 ** 32))
    return pd.DataFrame({name: rng.standard_normal(n_rows) for name in CHANNELS})


class RecordingDataset:
    def __init__(self, path, window=256, hop=128):
        self.path = path
        self.window = window
        self.hop = hop

    @cached_property
    def frame(self):
        return read_recording(self.path)

    def __len__(self):
        return (len(self.frame) - self.window) // self.hop + 1

    def __getitem__(self, idx):
        start = idx * self.hop
        return self.frame.iloc[start:start + self.window].to_numpy(dtype=np.float32)


def warmup_contexts(paths, window=256):
    contexts = {}
    for path in paths:
        ds = RecordingDataset(path, window=window)
        if len(ds) == 0:
            continue
        contexts[path] = ds[0]
    return contexts


def scenario():
    paths = [f"logs/session_{i:02d}.csv" for i in range(8)]
    return warmup_contexts(paths)
