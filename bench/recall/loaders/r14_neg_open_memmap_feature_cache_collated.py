"""Feature cache for a spectrogram dataset: per-recording `.npy` shards are loaded one by one,
their first channels are written into a single `.npy` cache opened with
`np.lib.format.open_memmap(path, mode="w+", ...)` (`cache[start:stop] = feats[:, :n_mels]`), and
the loader keeps, per shard, the cache rows it wrote (slices of the one memmap) and a small debug
batch made with `torch.utils.data.default_collate` of the shard's first windows.  Assigning into
the memmap copies, the kept rows are views of the one cache opened before the loop, and
`default_collate` stacks its samples into a new tensor: nothing keeps a loaded shard alive.
Written after dataset preprocessors that fill an `open_memmap` cache shard by shard and
collate a preview batch; the shards are written to a temporary directory first."""
import os
import tempfile

import numpy as np
from torch.utils.data import default_collate


def write_shards(root, n_shards=12, frames=1500, n_bins=128, seed=0):
    rng = np.random.default_rng(seed)
    paths = []
    for s in range(n_shards):
        path = os.path.join(root, f"rec-{s:03d}.npy")
        np.save(path, rng.standard_normal((frames, n_bins)).astype(np.float32))
        paths.append(path)
    return paths


def build_cache(paths, cache_path, n_mels=64, frames=1500, window=32):
    cache = np.lib.format.open_memmap(
        cache_path, mode="w+", dtype=np.float32, shape=(len(paths) * frames, n_mels)
    )
    rows, debug_batches = [], []
    start = 0
    for path in paths:
        feats = np.load(path)
        stop = start + len(feats)
        cache[start:stop] = feats[:, :n_mels]
        rows.append(cache[start:stop])
        windows = [feats[i * window : (i + 1) * window, :n_mels] for i in range(4)]
        debug_batches.append(default_collate(windows))
        start = stop
    cache.flush()
    return rows, debug_batches


def scenario():
    with tempfile.TemporaryDirectory() as root:
        paths = write_shards(root)
        rows, batches = build_cache(paths, os.path.join(root, "cache.npy"))
        return rows, batches
