"""Layer-wise probing: forward hooks on every encoder block record the [CLS] activation of
each batch, per layer name."""
from collections import defaultdict

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.ff = nn.Linear(d, d)

    def forward(self, x):
        return x + torch.relu(self.ff(self.ln(x)))


class Encoder(nn.Module):
    def __init__(self, vocab=3000, d=64, depth=4):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.blocks = nn.ModuleList(Block(d) for _ in range(depth))

    def forward(self, ids):
        x = self.emb(ids)
        for blk in self.blocks:
            x = blk(x)
        return x


activations = defaultdict(list)


def save_cls(name):
    def hook(module, inputs, output):
        activations[name].append(output[:, 0].detach())  # expect: VL002
    return hook


def scenario():
    torch.manual_seed(2)
    model = Encoder().eval()
    handles = [blk.register_forward_hook(save_cls(f"block{i}")) for i, blk in enumerate(model.blocks)]
    with torch.no_grad():
        for _ in range(12):
            model(torch.randint(0, 3000, (32, 64)))
    for h in handles:
        h.remove()
    return dict(activations)


if __name__ == "__main__":
    print({k: len(v) for k, v in scenario().items()})
