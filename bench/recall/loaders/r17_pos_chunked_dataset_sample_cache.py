"""A map-style Dataset over compressed shards: samples live in fixed-size chunks (64 rows each,
zlib-compressed float32 blobs), and `__getitem__` decodes the chunk that holds the index with
`np.frombuffer(zlib.decompress(...)).reshape(...)` and returns its row.  To skip decoding on the next
epoch, the dataset memoises each sample in `self.cache[idx]`.  The row is a view of the decoded chunk,
and a chunk is decoded anew for every index that misses the cache, so each cached sample pins a whole
chunk.  Written after PyTorch datasets that cache `__getitem__` results in a dict and chunked-dataset
loaders that decode one chunk per lookup."""
import zlib

import numpy as np

CHUNK_ROWS = 64
ROW_SHAPE = (32, 32)


def make_blobs(n_chunks, seed=0):
    rng = np.random.default_rng(seed)
    blobs = []
    for _ in range(n_chunks):
        chunk = rng.standard_normal((CHUNK_ROWS,) + ROW_SHAPE).astype(np.float32)
        blobs.append(zlib.compress(chunk.tobytes(), level=1))
    return blobs


class ChunkedShardDataset:
    def __init__(self, blobs, transform=None):
        self.blobs = blobs
        self.transform = transform
        self.cache = {}

    def __len__(self):
        return len(self.blobs) * CHUNK_ROWS

    def _decode(self, chunk_id):
        raw = zlib.decompress(self.blobs[chunk_id])
        return np.frombuffer(raw, dtype=np.float32).reshape((CHUNK_ROWS,) + ROW_SHAPE)

    def __getitem__(self, idx):
        if idx in self.cache:
            return self.cache[idx]
        chunk_id, row = divmod(idx, CHUNK_ROWS)
        sample = self._decode(chunk_id)[row]
        if self.transform is not None:
            sample = self.transform(sample)
        self.cache[idx] = sample  # expect: VL002
        return sample


def scenario(n_chunks=8, n_draws=160):
    ds = ChunkedShardDataset(make_blobs(n_chunks))
    rng = np.random.default_rng(1)
    energy = 0.0
    for idx in rng.choice(len(ds), size=n_draws, replace=False):
        sample = ds[int(idx)]
        energy += float(np.square(sample).mean())
    return ds, energy
