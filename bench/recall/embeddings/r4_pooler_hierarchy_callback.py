"""Sentence-embedding extraction with pluggable poolers: an abstract `Pooler` whose subclasses
override `pool`, an encoder loop that hands every batch to a callback object (`__call__`), and a
bank grouping the pooled rows by label in a `defaultdict(list)` for a nearest-centroid probe.
With `ClsPooler` each kept row is a view into the batch's whole hidden-state tensor."""
from abc import ABC, abstractmethod
from collections import defaultdict

import torch
import torch.nn as nn


class ToyEncoder(nn.Module):
    def __init__(self, vocab=5000, d=256):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.ff = nn.Linear(d, d)

    def forward(self, ids):
        x = self.emb(ids)
        return x + torch.relu(self.ff(x))


class Pooler(ABC):
    @abstractmethod
    def pool(self, hidden, mask):
        ...

    def __call__(self, hidden, mask):
        return self.pool(hidden, mask)


class ClsPooler(Pooler):
    def pool(self, hidden, mask):
        return hidden[:, 0]


class MeanPooler(Pooler):
    def pool(self, hidden, mask):
        m = mask.unsqueeze(-1).to(hidden.dtype)
        return (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)


class LabelledBank:
    def __init__(self):
        self.by_label = defaultdict(list)

    def add_batch(self, pooled, labels):
        for emb, label in zip(pooled, labels.tolist()):
            self.by_label[label].append(emb)  # expect: VL002

    def centroids(self):
        return {k: torch.stack(v).mean(dim=0) for k, v in self.by_label.items()}


class BankWriter:
    def __init__(self, pooler, bank):
        self.pooler = pooler
        self.bank = bank

    def __call__(self, hidden, mask, labels):
        self.bank.add_batch(self.pooler(hidden, mask), labels)


def embed_corpus(encoder, batches, on_batch):
    encoder.eval()
    with torch.no_grad():
        for ids, mask, labels in batches:
            hidden = encoder(ids)
            on_batch(hidden, mask, labels)


def make_batches(n_batches, batch_size=16, seq_len=128, vocab=5000, n_labels=4):
    g = torch.Generator().manual_seed(0)
    for _ in range(n_batches):
        ids = torch.randint(0, vocab, (batch_size, seq_len), generator=g)
        mask = torch.ones(batch_size, seq_len, dtype=torch.long)
        labels = torch.randint(0, n_labels, (batch_size,), generator=g)
        yield ids, mask, labels


def scenario():
    torch.manual_seed(0)
    bank = LabelledBank()
    embed_corpus(ToyEncoder(), make_batches(8), BankWriter(ClsPooler(), bank))
    return bank
