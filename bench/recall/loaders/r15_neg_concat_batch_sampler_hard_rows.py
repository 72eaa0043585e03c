"""Hard-example mining over a `ConcatDataset` of two in-memory datasets (the labelled set and a
pseudo-labelled extra set), each a map-style `Dataset` whose `__getitem__` returns a row view of its
feature matrix.  Batches of indices come from `BatchSampler(RandomSampler(concat), batch_size, drop_last=False)`;
for each batch the rows are fetched one by one through `concat[i]` and the row with the largest loss is
kept.  The kept rows are views, but of the two feature matrices built once before the loop, which the
result keeps anyway: nothing new is pinned per batch.  The clean look-alike of rows kept from an
array loaded anew in the loop.  Written after training scripts that concatenate a labelled and a
pseudo-labelled set with `ConcatDataset([train, extra])` and drive them with a `BatchSampler`."""
import numpy as np
import torch
from torch.utils.data import BatchSampler, ConcatDataset, Dataset, RandomSampler


class FeatureRows(Dataset):
    def __init__(self, features, targets):
        self.features = features
        self.targets = targets

    def __len__(self):
        return self.features.shape[0]

    def __getitem__(self, idx):
        return self.features[idx], self.targets[idx]


def build(n, dim, seed):
    gen = torch.Generator().manual_seed(seed)
    return FeatureRows(torch.randn(n, dim, generator=gen), torch.randint(0, 10, (n,), generator=gen))


def scenario(batch_size=64):
    labelled = build(6000, 512, seed=0)
    extra = build(4000, 512, seed=1)
    concat = ConcatDataset([labelled, extra])
    weights = torch.randn(512, 10, generator=torch.Generator().manual_seed(2))
    sampler = BatchSampler(RandomSampler(concat, generator=torch.Generator().manual_seed(3)),
                           batch_size=batch_size, drop_last=False)
    hard = []
    for batch in sampler:
        rows = [concat[i] for i in batch]
        x = torch.stack([r[0] for r in rows])
        y = torch.stack([r[1] for r in rows])
        loss = torch.nn.functional.cross_entropy(x @ weights, y, reduction="none")
        worst = int(loss.argmax())
        hard.append(rows[worst][0])
    return concat, hard
