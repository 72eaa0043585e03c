"""Probe batches for a GPT-style language model trained on a flat `uint16` token file, read the
nanoGPT way: `get_batch` recreates `np.memmap(path, dtype=np.uint16, mode="r")` at every call, draws
random offsets and stacks `data[i:i + block].astype(np.int64)` rows for the model.
A held-out probe keeps the raw token windows of the first rows of each evaluation batch for a later
perplexity report: `data[i:i + block]` slices of the memory map.  Each kept window pins its map, but a
read-only map is backed by the file, not by memory the process allocated: nothing on the heap grows
with the batches.  Written after nanoGPT-style training scripts (`get_batch(split)` with a fresh
memmap per batch); the token file is written to a temporary directory first."""
import os
import tempfile

import numpy as np


def write_tokens(path, n_tokens=4_000_000, vocab=50_257, seed=0):
    rng = np.random.default_rng(seed)
    rng.integers(0, vocab, size=n_tokens, dtype=np.uint16).tofile(path)


def get_batch(path, block_size, batch_size, rng):
    data = np.memmap(path, dtype=np.uint16, mode="r")
    ix = rng.integers(0, len(data) - block_size - 1, size=batch_size)
    x = np.stack([data[i:i + block_size].astype(np.int64) for i in ix])
    y = np.stack([data[i + 1:i + 1 + block_size].astype(np.int64) for i in ix])
    return x, y, data, ix


def collect_probe(path, n_batches=60, block_size=256, batch_size=16, keep=2, seed=0):
    rng = np.random.default_rng(seed)
    probe = []
    n_targets = 0
    for _ in range(n_batches):
        x, y, data, ix = get_batch(path, block_size, batch_size, rng)
        n_targets += y.size
        for i in ix[:keep].tolist():
            probe.append(data[i:i + block_size])
    return n_targets, probe


def scenario():
    with tempfile.TemporaryDirectory() as root:
        path = os.path.join(root, "val.bin")
        write_tokens(path)
        return collect_probe(path)
