"""Streaming loader for a large sensor CSV read with `pd.read_csv(..., chunksize=)`: each chunk's
feature columns are turned into a matrix with `.values`, normalised windows are counted for the
index, and the first rows of every chunk are kept as a warm-up sample for calibrating the scaler
later.  All feature columns are float, so `chunk[FEATURES].values` is a view of the chunk's one
float block and its head pins the whole chunk.  Written after chunked-CSV readers in tabular and
time-series training code (`for chunk in pd.read_csv(path, chunksize=N)` collecting per-chunk
arrays); the CSV is generated in memory."""
import io

import numpy as np
import pandas as pd

FEATURES = [f"ch{i:02d}" for i in range(16)]


def make_csv(n_rows=160_000, seed=0):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(np.round(rng.standard_normal((n_rows, len(FEATURES))), 3), columns=FEATURES)
    return df.to_csv(index=False, float_format="%.3f")


class ChunkedSensorIndex:
    def __init__(self, window=256, warmup_rows=8):
        self.window = window
        self.warmup_rows = warmup_rows
        self.n_windows = 0
        self.warmup = []

    def build(self, source, chunksize=16_000):
        for chunk in pd.read_csv(source, chunksize=chunksize):
            mat = chunk[FEATURES].values
            self.n_windows += len(mat) // self.window
            self.warmup.append(mat[: self.warmup_rows])  # expect: VL002
        return self


def scenario():
    index = ChunkedSensorIndex().build(io.StringIO(make_csv()))
    return index.warmup
