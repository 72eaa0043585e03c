"""Wearable-sensor (HAR) training set built from one long pandas table: the table is split per
subject with `df.groupby("subject")`, each subject's accelerometer/gyroscope columns are taken out
with `.to_numpy()` and cut into windows that the `Dataset` streams, and the first 64 rows of every
subject are kept as that subject's calibration segment, from which per-subject normalisation
statistics are recomputed at every epoch.  Written after human-activity-recognition loaders
(UCI-HAR/WISDM/PAMAP2 pipelines) that group a sensor table by subject and call `.to_numpy()` per
group; the table is a random stand-in."""
import numpy as np
import pandas as pd

FEATURES = [f"{s}_{a}" for s in ("acc", "gyro", "mag", "ori") for a in "xyz"] + ["hr", "temp", "ppg", "eda"]


def make_table(n_subjects=24, rows=20000, seed=0):
    rng = np.random.default_rng(seed)
    frames = []
    for subject in range(n_subjects):
        block = pd.DataFrame(rng.standard_normal((rows, len(FEATURES))), columns=FEATURES)
        block["subject"] = subject
        block["activity"] = rng.integers(0, 6, rows)
        frames.append(block)
    return pd.concat(frames, ignore_index=True)


class SubjectWindows:
    def __init__(self, table, window=128, calib_rows=64):
        self.window = window
        self.calib = {}
        self.index = []
        for subject, group in table.groupby("subject"):
            values = group[FEATURES].to_numpy()
            self.calib[subject] = values[:calib_rows]  # expect: VL002
            self.index.extend((subject, s) for s in range(0, len(values) - window, window))

    def calibration_stats(self):
        return {s: (seg.mean(axis=0), seg.std(axis=0)) for s, seg in self.calib.items()}


def scenario():
    ds = SubjectWindows(make_table())
    ds.calibration_stats()
    return ds.calib
