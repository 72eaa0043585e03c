"""Activity-recognition dataset: whole recordings are kept, windows are (recording, offset) pairs."""
import numpy as np


def read_imu(subject, seconds=60, rate=100):
    rng = np.random.default_rng(subject)
    return rng.standard_normal((seconds * rate, 6))


class IMUWindows:
    def __init__(self, subjects, win=200, hop=100):
        self.signals = []
        self.index = []
        self.win = win
        for rec_id, subject in enumerate(subjects):
            sig = read_imu(subject)
            sig = (sig - sig.mean(axis=0)) / sig.std(axis=0)
            self.signals.append(sig)
            self.index.extend((rec_id, start) for start in range(0, len(sig) - win + 1, hop))
        self.first_windows = [s[:win] for s in self.signals]

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        rec_id, start = self.index[i]
        return self.signals[rec_id][start:start + self.win]


def scenario():
    return IMUWindows(range(12))
