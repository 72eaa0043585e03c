"""Multi-channel sensor shards for a segmentation-style trainer.  Each shard is an `.npy` blob
(fetched from object storage, held in memory as bytes); the dataset only trains on the first two
channels, so it keeps `arr[..., :2]` of every decoded shard.  Written after small research
data-loading scripts that do `X.append(np.load(f)[..., :2])` per file, here in the functional style
some loaders use: `list(map(self._decode, blobs))` with a bound method."""
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
        self.shards = list(map(self._decode, blobs))  # expect: VL002
        self.index = [(s, r) for s, shard in enumerate(self.shards) for r in range(len(shard))]

    def _decode(self, blob):
        arr = np.load(io.BytesIO(blob))
        return arr[..., self.lo:self.hi]

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        s, r = self.index[i]
        return self.shards[s][r]


def scenario():
    ds = ShardDataset(make_blobs())
    assert ds[0].shape == (64, 2)
    return ds.shards
