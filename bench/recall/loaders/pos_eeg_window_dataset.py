"""EEG window dataset: each recording is loaded, band-limited and cut into a few labelled windows."""
import numpy as np

N_CHANNELS = 64
SFREQ = 256


def load_recording(subject, seconds=120, seed=11):
    """Stand-in for mne.io.read_raw_edf(...).get_data(): (n_channels, n_times) float64."""
    rng = np.random.default_rng(seed + subject)
    return rng.standard_normal((N_CHANNELS, seconds * SFREQ))


def event_onsets(n_times, n_events=4, win=SFREQ):
    step = (n_times - win) // n_events
    return [k * step for k in range(n_events)]


class EEGWindows:
    def __init__(self, subjects, win_seconds=1.0):
        self.win = int(win_seconds * SFREQ)
        self.windows = []
        self.labels = []
        for subject in subjects:
            data = load_recording(subject)
            data -= data.mean(axis=1, keepdims=True)
            onsets = event_onsets(data.shape[1], win=self.win)
            self.windows.extend(data[:, s:s + self.win] for s in onsets)  # expect: VL002
            self.labels.extend([subject % 2] * len(onsets))

    def __len__(self):
        return len(self.windows)

    def __getitem__(self, idx):
        return self.windows[idx], self.labels[idx]


def scenario():
    ds = EEGWindows(subjects=range(8))
    return ds
