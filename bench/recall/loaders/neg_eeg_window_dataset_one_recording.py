"""EEG window dataset over one long recording: every window is a view of the same kept array."""
import numpy as np

N_CHANNELS = 64
SFREQ = 256


def load_recording(subject, seconds=120, seed=11):
    rng = np.random.default_rng(seed + subject)
    return rng.standard_normal((N_CHANNELS, seconds * SFREQ))


class EEGWindows:
    def __init__(self, subject, win_seconds=1.0, hop_seconds=0.5):
        self.win = int(win_seconds * SFREQ)
        hop = int(hop_seconds * SFREQ)
        self.data = load_recording(subject)
        self.data -= self.data.mean(axis=1, keepdims=True)
        self.windows = []
        for s in range(0, self.data.shape[1] - self.win + 1, hop):
            self.windows.append(self.data[:, s:s + self.win])

    def __len__(self):
        return len(self.windows)

    def __getitem__(self, idx):
        return self.windows[idx]


def scenario():
    return EEGWindows(subject=3)
