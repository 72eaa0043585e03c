# Demo, variant 1 of 3: lists only. Not flagged by viewleak.
# `data` is a Python list of row arrays and `del data[i]` removes an entry from
# the list: no new array is ever made. The rows came from list(ndarray), so they
# are views of the one original buffer, and the kept rows pin that buffer once
# (about 11.7 MiB for 500x32x32x3 float64), however many iterations run.
# docs/semantics.md, first table: "list data, selected.append(data[i]); del data[i]".
import tracemalloc

import numpy as np


def scenario():
    np.random.seed(0)
    data = list(np.random.randn(500, 32, 32, 3))
    selected = []
    for _ in range(100):
        i = np.random.randint(len(data))
        selected.append(data[i])
        del data[i]
    return selected


if __name__ == "__main__":
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = scenario()
    print("lists_only: %d rows kept, %.1f MiB alive"
          % (len(kept), (tracemalloc.get_traced_memory()[0] - before) / 2**20))
