"""Seizure-detection pretraining: scan each EEG recording with a sliding window (Tensor.unfold) and
keep the most energetic window of every recording as a training event."""
import torch


def load_recording(rec_id, n_channels=8, n_samples=60_000):
    """Stand-in for reading an EDF file into a (channels, samples) float tensor."""
    gen = torch.Generator().manual_seed(rec_id)
    return torch.randn((n_channels, n_samples), generator=gen)


class EventWindowDataset(torch.utils.data.Dataset):
    def __init__(self, recording_ids, *, window=256, hop=128, normalize=False):
        self.window = window
        self.hop = hop
        self.normalize = normalize
        self.events = []
        self.labels = []
        for rec_id in recording_ids:
            self._scan(rec_id, load_recording(rec_id))

    def _scan(self, rec_id, signal):
        if self.normalize:
            signal = (signal - signal.mean(dim=1, keepdim=True)) / signal.std(dim=1, keepdim=True)
        windows = signal.unfold(-1, self.window, self.hop)  # (channels, n_windows, window)
        energy = windows.pow(2).mean(dim=(0, 2))
        best = int(energy.argmax())
        self.events.append(windows[:, best])  # expect: VL002
        self.labels.append(rec_id % 2)

    def __len__(self):
        return len(self.events)

    def __getitem__(self, i):
        return self.events[i], self.labels[i]


def make_dataset(ids, **kwargs):
    return EventWindowDataset(ids, **kwargs)


def scenario():
    ds = make_dataset(range(12), window=256, hop=128)
    return ds.events
