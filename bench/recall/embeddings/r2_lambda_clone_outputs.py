"""Batch feature extraction written functionally: the model outputs of every batch are
mapped through a small extractor that copies the CLS row out, and the labels are turned
into Python ints."""
import torch
import torch.nn as nn


class Tower(nn.Module):
    def __init__(self, vocab=6000, d=96):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.ff = nn.Linear(d, d)

    def forward(self, ids):
        return torch.relu(self.ff(self.emb(ids)))


def batches(n, bs=32, seq=80):
    g = torch.Generator().manual_seed(8)
    for _ in range(n):
        yield torch.randint(0, 6000, (bs, seq), generator=g), torch.randint(0, 3, (bs,), generator=g)


def scenario():
    torch.manual_seed(8)
    model = Tower().eval()
    take_cls = lambda hidden: hidden[:, 0].clone()
    with torch.no_grad():
        pairs = [(model(ids), labels) for ids, labels in batches(20)]
        features = list(map(take_cls, (h for h, _ in pairs)))
        labels = [y for _, ys in pairs for y in ys.tolist()]
    del pairs
    return features, labels


if __name__ == "__main__":
    f, y = scenario()
    print(len(f), len(y))
