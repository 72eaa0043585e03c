"""Reference-channel table for a multi-channel EEG corpus stored as one `.npy` file per recording
(channels x samples).  A module-level loader memoised with `functools.lru_cache(maxsize=None)` returns
one channel of one recording as `np.load(path)[channel]`, and the dataset's `__getitem__` goes through
it; before training, the script builds a table of each recording's reference channel (channel 0) to
re-reference the others later.  `np.load` reads the whole recording into a new array and the channel
is a row view of it, so the table (and the cache) pins every whole recording.  Written after dataset
modules (plain classes with `__getitem__`, handed to a DataLoader later) that put `@lru_cache` on a
`load_signal(path, key)` helper returning `np.load(path)[key]`."""
import functools
import os
import tempfile

import numpy as np


@functools.lru_cache(maxsize=None)
def load_channel(path, channel):
    return np.load(path)[channel]


class ChannelDataset:
    def __init__(self, paths, n_channels):
        self.items = [(p, c) for p in paths for c in range(n_channels)]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, idx):
        path, channel = self.items[idx]
        return load_channel(path, channel)


def write_corpus(folder, n_recordings, n_channels, n_samples, seed=0):
    rng = np.random.default_rng(seed)
    paths = []
    for r in range(n_recordings):
        path = os.path.join(folder, f"rec{r:03d}.npy")
        np.save(path, rng.standard_normal((n_channels, n_samples)).astype(np.float32))
        paths.append(path)
    return paths


def scenario(n_recordings=24, n_channels=32, n_samples=8000):
    with tempfile.TemporaryDirectory() as folder:
        paths = write_corpus(folder, n_recordings, n_channels, n_samples)
        dataset = ChannelDataset(paths, n_channels)
        reference = {}
        for path in paths:
            reference[os.path.basename(path)] = load_channel(path, 0)  # expect: VL002
        first = dataset[1]
    load_channel.cache_clear()
    return reference, first.shape
