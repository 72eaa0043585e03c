"""Class prototypes for few-shot classification: masked mean pooling over tokens gives one
vector per example; the vectors are grouped by label and averaged."""
from collections import defaultdict

import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab=5000, d=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=0)
        self.proj = nn.Linear(d, d)

    def forward(self, ids):
        return torch.tanh(self.proj(self.emb(ids)))


def labelled_batches(n_batches, batch=32, seq=96, n_classes=5):
    g = torch.Generator().manual_seed(6)
    for _ in range(n_batches):
        ids = torch.randint(1, 5000, (batch, seq), generator=g)
        lengths = torch.randint(10, seq, (batch,), generator=g)
        ids[torch.arange(seq)[None, :] >= lengths[:, None]] = 0
        yield ids, torch.randint(0, n_classes, (batch,), generator=g)


@torch.no_grad()
def prototypes(model, batches):
    by_label = defaultdict(list)
    for ids, labels in batches:
        mask = (ids != 0).unsqueeze(-1).float()
        pooled = (model(ids) * mask).sum(dim=1) / mask.sum(dim=1)
        for vec, y in zip(pooled, labels.tolist()):
            by_label[y].append(vec)
    return by_label


def scenario():
    torch.manual_seed(6)
    by_label = prototypes(Encoder().eval(), labelled_batches(20))
    protos = {y: torch.stack(v).mean(0) for y, v in by_label.items()}
    return by_label, protos


if __name__ == "__main__":
    print(sorted(len(v) for v in scenario()[0].values()))
