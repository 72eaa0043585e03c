"""Building an id -> vector lookup from an embedding dump written as fixed-size binary records
(id, norm, 384 float32 components), the layout FAISS/ANN tooling exports use.  Each shard's bytes are
decoded with `np.frombuffer` into a structured array and the vectors are read through the `"vec"`
field.  `records["vec"][row]` is a view into the shard buffer, so every kept vector holds its whole
shard (and `frombuffer` keeps the bytes object itself alive)."""
import io
from typing import Dict, Iterable

import numpy as np

DIM = 384
RECORD = np.dtype([("id", "<i8"), ("norm", "<f4"), ("vec", "<f4", (DIM,))])


def write_shards(n_shards: int, per_shard: int, seed: int = 0) -> Iterable[bytes]:
    rng = np.random.default_rng(seed)
    for s in range(n_shards):
        rec = np.zeros(per_shard, dtype=RECORD)
        rec["id"] = np.arange(s * per_shard, (s + 1) * per_shard)
        rec["vec"] = rng.standard_normal((per_shard, DIM), dtype=np.float32)
        rec["norm"] = np.linalg.norm(rec["vec"], axis=1)
        buf = io.BytesIO()
        buf.write(rec.tobytes())
        yield buf.getvalue()


def load_index(shards: Iterable[bytes], keep_ids) -> Dict[int, np.ndarray]:
    index: Dict[int, np.ndarray] = {}
    for blob in shards:
        records = np.frombuffer(blob, dtype=RECORD)
        vectors = records["vec"]
        for row, rec_id in enumerate(records["id"].tolist()):
            if rec_id in keep_ids:
                index[rec_id] = vectors[row]  # expect: VL001
    return index


def scenario():
    keep = set(range(0, 24 * 2000, 250))
    return load_index(write_shards(24, 2000), keep)
