"""Per-head probing of a transformer encoder's CLS token, as in interpretability code that splits the
hidden size into head groups (`torch.tensor_split(x, n_heads, dim=-1)[head]`).  This monitor keeps
only the last two batches' CLS slices of the chosen group, for a drift check against the current
batch: `collections.deque(maxlen=2)` drops the oldest slice, and with it its encoder output."""
from collections import deque

import torch
import torch.nn as nn


class TinyEncoder(nn.Module):
    def __init__(self, vocab=1000, hidden=512):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.proj = nn.Linear(hidden, hidden)

    def forward(self, ids):
        return torch.tanh(self.proj(self.embed(ids)))


class HeadGroupDrift:
    def __init__(self, encoder, head, n_heads=8, window=2):
        self.encoder = encoder
        self.head = head
        self.n_heads = n_heads
        self.recent = deque(maxlen=window)
        self.drift = []

    def __call__(self, ids):
        hidden = self.encoder(ids)
        groups = torch.tensor_split(hidden, self.n_heads, dim=-1)
        cls = groups[self.head][:, 0]
        if self.recent:
            self.drift.append(float((cls.mean(0) - self.recent[0].mean(0)).norm()))
        self.recent.append(cls)
        return hidden.mean(dim=1)


def token_batches(n_batches, batch_size=8, seq_len=64, vocab=1000, seed=0):
    gen = torch.Generator().manual_seed(seed)
    for _ in range(n_batches):
        yield torch.randint(0, vocab, (batch_size, seq_len), generator=gen)


def scenario():
    torch.manual_seed(0)
    monitor = HeadGroupDrift(TinyEncoder(), head=3)
    with torch.no_grad():
        for ids in token_batches(40):
            monitor(ids)
    return monitor.recent, monitor.drift
