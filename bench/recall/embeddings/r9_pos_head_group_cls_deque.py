"""Per-head probing of a transformer encoder's CLS token, as in interpretability code that splits the
hidden size into head groups (`torch.tensor_split(x, n_heads, dim=-1)[head]`) and collects one group's
features over a dataset.  The probe appends every batch's CLS slice of the chosen group to a
`collections.deque` (no `maxlen`), fitted once the whole dataset has gone through.  Each kept
(batch, head_dim) slice is a view of the encoder's whole (batch, tokens, hidden) output."""
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


class HeadGroupProbe:
    def __init__(self, encoder, head, n_heads=8):
        self.encoder = encoder
        self.head = head
        self.n_heads = n_heads
        self.features = deque()

    def __call__(self, ids):
        hidden = self.encoder(ids)
        groups = torch.tensor_split(hidden, self.n_heads, dim=-1)
        self.features.append(groups[self.head][:, 0])  # expect: VL002
        return hidden.mean(dim=1)

    def stacked(self):
        return torch.cat(list(self.features))


def token_batches(n_batches, batch_size=8, seq_len=64, vocab=1000, seed=0):
    gen = torch.Generator().manual_seed(seed)
    for _ in range(n_batches):
        yield torch.randint(0, vocab, (batch_size, seq_len), generator=gen)


def scenario():
    torch.manual_seed(0)
    probe = HeadGroupProbe(TinyEncoder(), head=3)
    with torch.no_grad():
        for ids in token_batches(40):
            probe(ids)
    return probe.features
