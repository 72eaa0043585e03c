"""Speech training loader with a length-bucketing batch sampler: a `torch.utils.data.Sampler`
subclass sorts utterances by length, cuts the order into batches of similar lengths and shuffles
the batches; the `DataLoader` gets it as `batch_sampler=` with a padding `collate_fn` that builds a
new zero-padded (B, n_mels, T_max) tensor per batch.  The training loop keeps the first 100 frames
of the first utterance of every batch for the spectrogram previews it logs at the end of the
epoch.  Written after bucket batch samplers of ASR/TTS and NMT projects (nmtpytorch-style
`BucketBatchSampler`, length-matched samplers) and their pad-collate functions."""
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, Sampler


class MelDataset(Dataset):
    def __init__(self, n_utts=480, n_mels=80, seed=0):
        rng = np.random.default_rng(seed)
        self.lengths = rng.integers(600, 1000, n_utts).tolist()
        self.n_mels = n_mels
        self.seed = seed

    def __len__(self):
        return len(self.lengths)

    def __getitem__(self, idx):
        rng = np.random.default_rng(self.seed + idx)
        mel = rng.standard_normal((self.n_mels, self.lengths[idx]), dtype=np.float32)
        return torch.from_numpy(mel), idx % 7


class BucketBatchSampler(Sampler):
    def __init__(self, lengths, batch_size, seed=0):
        self.lengths = lengths
        self.batch_size = batch_size
        self.generator = torch.Generator().manual_seed(seed)

    def __iter__(self):
        order = sorted(range(len(self.lengths)), key=self.lengths.__getitem__)
        batches = [order[i:i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        for j in torch.randperm(len(batches), generator=self.generator).tolist():
            yield batches[j]

    def __len__(self):
        return (len(self.lengths) + self.batch_size - 1) // self.batch_size


def pad_collate(batch):
    mels, speakers = zip(*batch)
    lengths = torch.tensor([m.shape[1] for m in mels])
    padded = torch.zeros(len(mels), mels[0].shape[0], int(lengths.max()))
    for i, m in enumerate(mels):
        padded[i, :, :m.shape[1]] = m
    return padded, lengths, torch.tensor(speakers)


def train_epoch(loader, preview_frames=100):
    previews = []
    total = 0.0
    for mels, lengths, speakers in loader:
        total += float(mels.mean())
        previews.append(mels[0, :, :preview_frames])  # expect: VL002
    return previews, total


def scenario():
    ds = MelDataset()
    loader = DataLoader(ds, batch_sampler=BucketBatchSampler(ds.lengths, batch_size=16),
                        collate_fn=pad_collate)
    previews, _ = train_epoch(loader)
    return previews
