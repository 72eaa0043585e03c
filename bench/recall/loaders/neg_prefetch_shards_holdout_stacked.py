"""Streaming loader over feature shards; the held-out batches are stacked into one new array."""
from collections import deque

import numpy as np


def read_shard(shard_id, rows=8192, dim=256):
    rng = np.random.default_rng(shard_id)
    return rng.standard_normal((rows, dim)).astype(np.float32)


class ShardPrefetcher:
    def __init__(self, shard_ids, depth=2):
        self.shard_ids = list(shard_ids)
        self.depth = depth
        self.queue = deque()

    def __iter__(self):
        pending = iter(self.shard_ids)
        for sid in pending:
            self.queue.append(read_shard(sid))
            if len(self.queue) >= self.depth:
                break
        while self.queue:
            yield self.queue.popleft()
            nxt = next(pending, None)
            if nxt is not None:
                self.queue.append(read_shard(nxt))


def batches(shard, batch_size):
    for start in range(0, len(shard), batch_size):
        yield shard[start:start + batch_size]


def train(shard_ids, batch_size=64):
    holdout = None
    seen = 0
    for shard in ShardPrefetcher(shard_ids):
        for b, batch in enumerate(batches(shard, batch_size)):
            if b == 0:
                holdout = batch if holdout is None else np.concatenate([holdout, batch])
                continue
            seen += len(batch)
    return holdout, seen


def scenario():
    holdout, _ = train(range(10))
    return holdout
