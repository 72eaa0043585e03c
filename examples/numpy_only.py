# Demo, variant 2 of 3: NumPy only. Not flagged by viewleak's default rules (the opt-in VL003 and
# VL004 flag its O(n^2) copying: `data[np.random.permutation(len(data))[:100]]` has none).
# `selected` is rebuilt with np.concatenate (a copy) and `data` is rebound with
# np.delete: nothing keeps a view of an old `data`, so each old copy is freed.
# Only the 100 selected rows stay alive (about 2.3 MiB).
# docs/semantics.md, first table: "ndarray data, selected = np.concatenate(...)".
import tracemalloc

import numpy as np


def scenario():
    np.random.seed(0)
    data = np.random.randn(500, 32, 32, 3)
    selected = np.empty((0, 32, 32, 3))
    for _ in range(100):
        i = np.random.randint(len(data))
        selected = np.concatenate([selected, data[i:i + 1]], axis=0)
        data = np.delete(data, i, axis=0)
    return selected


if __name__ == "__main__":
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = scenario()
    print("numpy_only: %d rows kept, %.1f MiB alive"
          % (len(kept), (tracemalloc.get_traced_memory()[0] - before) / 2**20))
