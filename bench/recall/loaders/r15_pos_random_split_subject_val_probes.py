"""Per-subject EEG training with a held-out probe set: each subject's recording is loaded into an
in-memory map-style `Dataset` of windows (`__getitem__` returns `self.windows[idx], self.labels[idx]`),
split with `torch.utils.data.random_split(dataset, [n_train, n_val], generator=g)`, fitted on the
training part, and the first window of the validation `Subset` is kept for the cross-subject probe
report.  `Subset.__getitem__` returns `dataset[indices[i]]`, a row view of that subject's window
tensor, so every subject's whole recording stays alive through the probe list.  Written after EEG /
sensor-data training scripts that build a `TensorDataset`-like class per subject and hold out a split
with `random_split` (`train_data, val_data = random_split(dataset, [n_train, n_val])`)."""
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, random_split


class SubjectWindows(Dataset):
    def __init__(self, recording, labels, window=256, hop=128):
        n = (recording.shape[1] - window) // hop + 1
        starts = np.arange(n) * hop
        idx = starts[:, None] + np.arange(window)[None, :]
        self.windows = torch.from_numpy(recording[:, idx].transpose(1, 0, 2).copy())
        self.labels = torch.from_numpy(labels[starts])

    def __len__(self):
        return self.windows.shape[0]

    def __getitem__(self, idx):
        return self.windows[idx], self.labels[idx]


def load_subject(subject, channels=16, seconds=300, rate=256):
    rng = np.random.default_rng(subject)
    recording = rng.standard_normal((channels, seconds * rate)).astype(np.float32)
    labels = rng.integers(0, 4, size=seconds * rate)
    return recording, labels


def fit_one_epoch(loader):
    total = torch.zeros(())
    for x, y in loader:
        total += x.mean() * y.float().mean()
    return float(total)


def scenario(subjects=8):
    g = torch.Generator().manual_seed(0)
    probes = []
    scores = []
    for subject in range(subjects):
        recording, labels = load_subject(subject)
        dataset = SubjectWindows(recording, labels)
        n_val = len(dataset) // 10
        train_set, val_set = random_split(dataset, [len(dataset) - n_val, n_val], generator=g)
        scores.append(fit_one_epoch(DataLoader(train_set, batch_size=64, shuffle=True, generator=g)))
        x, y = val_set[0]
        probes.append((subject, x, int(y)))  # expect: VL002
    return probes, scores
