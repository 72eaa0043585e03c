"""Streaming loader: rows of each shard pass through a bounded shuffle buffer and are collated
into stacked batches (np.stack copies), so no row view outlives the stream."""
import random

import numpy as np


def shard_stream(n_shards=6, rows=4096, dim=128, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n_shards):
        yield rng.standard_normal((rows, dim), dtype=np.float32)


class ShuffleBuffer:
    def __init__(self, source, buffer_size=256, seed=0):
        self.source = source
        self.buffer_size = buffer_size
        self.rng = random.Random(seed)

    def __iter__(self):
        buf = []
        for shard in self.source:
            for row in shard:
                if len(buf) < self.buffer_size:
                    buf.append(row)
                    continue
                j = self.rng.randrange(self.buffer_size)
                yield buf[j]
                buf[j] = row
        self.rng.shuffle(buf)
        yield from buf


def collate(rows):
    return np.stack(rows)


def batches(iterable, batch_size=512, drop_last=False):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == batch_size:
            yield collate(batch)
            batch = []
    if batch and not drop_last:
        yield collate(batch)


def scenario():
    kept = []
    for i, batch in enumerate(batches(ShuffleBuffer(shard_stream()))):
        if i % 8 == 0:
            kept.append(batch)
    return kept
