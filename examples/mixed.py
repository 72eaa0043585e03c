# Demo, variant 3 of 3: mixed. Flagged by viewleak as VL001.
# `data[i]` is a view (data is 4-D) and the list keeps it past the iteration,
# while np.delete rebinds `data` to a new array: every kept row pins a whole
# old copy of `data`, so memory grows as iterations x array size (about 1 GiB
# here for 2.3 MiB of rows).
# docs/semantics.md, first table: "ndarray data, selected.append(data[i]),
# data = np.delete(data, i, axis=0)". Fix: selected.append(data[i].copy()).
import tracemalloc

import numpy as np


def scenario():
    np.random.seed(0)
    data = np.random.randn(500, 32, 32, 3)
    selected = []
    for _ in range(100):
        i = np.random.randint(len(data))
        selected.append(data[i])  # expect: VL001
        data = np.delete(data, i, axis=0)
    return selected


if __name__ == "__main__":
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = scenario()
    print("mixed: %d rows kept, %.1f MiB alive"
          % (len(kept), (tracemalloc.get_traced_memory()[0] - before) / 2**20))
