"""Multi-channel sensor shards for a segmentation-style trainer, the variant that stacks what it
decodes: the first two channels of every shard are decoded with `map(self._decode, blobs)` and
stacked into one array at once, so the per-shard views (and the shards they pin) die right after
`np.stack`.  Written after research data-loading scripts that build `np.array(X)` from per-file
slices of `np.load(f)`."""
import io

import numpy as np


def make_blobs(n_shards=48, rows=256, width=64, channels=16, seed=0):
    rng = np.random.default_rng(seed)
    blobs = []
    for _ in range(n_shards):
        buf = io.BytesIO()
        np.save(buf, rng.standard_normal((rows, width, channels)).astype(np.float32))
        blobs.append(buf.getvalue())
    return blobs


class ShardDataset:
    def __init__(self, blobs, channels=(0, 2)):
        self.lo, self.hi = channels
        self.data = np.stack(list(map(self._decode, blobs)))
        self.shard_rows = self.data.shape[1]

    def _decode(self, blob):
        arr = np.load(io.BytesIO(blob))
        return arr[..., self.lo:self.hi]

    def __len__(self):
        return self.data.shape[0] * self.shard_rows

    def __getitem__(self, i):
        s, r = divmod(i, self.shard_rows)
        return self.data[s, r]


def scenario():
    ds = ShardDataset(make_blobs())
    assert ds[0].shape == (64, 2)
    return ds.data
