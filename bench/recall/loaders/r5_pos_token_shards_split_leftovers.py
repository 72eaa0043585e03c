"""Pre-training data loader: token shards are read in a thread pool (executor.map), each shard is
cut into fixed-length sequences with Tensor.split, full sequences are batched, and the short tail
of every shard is kept aside to be packed with other tails at the end of the epoch."""
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch


def read_shard(path):
    """Stand-in for np.fromfile(path, dtype=np.int64) of a tokenised shard."""
    rng = np.random.default_rng(abs(hash(path)) % (2 ** 32))
    n_tokens = 1_000_000 + int(rng.integers(1, 2047))
    return torch.from_numpy(rng.integers(0, 50_257, size=n_tokens, dtype=np.int64))


class PackedTokenLoader:
    def __init__(self, paths, seq_len=2048, batch_size=8, workers=2):
        self.paths = paths
        self.seq_len = seq_len
        self.batch_size = batch_size
        self.workers = workers
        self.leftovers = []

    def __iter__(self):
        batch = []
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for tokens in pool.map(read_shard, self.paths):
                pieces = tokens.split(self.seq_len)
                if pieces[-1].numel() < self.seq_len:
                    *pieces, tail = pieces
                    self.leftovers.append(tail)  # expect: VL002
                for seq in pieces:
                    batch.append(seq)
                    if len(batch) == self.batch_size:
                        yield torch.stack(batch)
                        batch = []


def scenario():
    loader = PackedTokenLoader([f"shards/train_{i:05d}.bin" for i in range(6)])
    n_batches = sum(1 for _ in loader)
    return loader.leftovers, n_batches
