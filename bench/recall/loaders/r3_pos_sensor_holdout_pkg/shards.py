"""Reads a directory of .npy sensor shards (stand-in: shards are generated per name)."""
import numpy as np


class ShardReader:
    def __init__(self, names, rows=8000, channels=64, dtype=np.float32):
        self.names = list(names)
        self.rows = rows
        self.channels = channels
        self.dtype = dtype

    def load(self, name):
        rng = np.random.default_rng(abs(hash(name)) % (2 ** 32))
        return rng.standard_normal((self.rows, self.channels)).astype(self.dtype)

    def __iter__(self):
        for name in self.names:
            yield name, self.load(name)
