"""Linear probing of a small encoder: record the CLS state of the last block while the
probe set is run through the model in batches."""
import torch
import torch.nn as nn

from recorders import ClsRecorder


class Encoder(nn.Module):
    def __init__(self, vocab=6000, d=96, depth=3):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(d), nn.Linear(d, d), nn.GELU()) for _ in range(depth))

    def forward(self, ids):
        x = self.emb(ids)
        for blk in self.blocks:
            x = x + blk(x)
        return x


def run_probe_set(model, n_batches=20, batch=32, seq=96):
    g = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for _ in range(n_batches):
            model(torch.randint(0, 6000, (batch, seq), generator=g))


def scenario():
    torch.manual_seed(1)
    model = Encoder().eval()
    rec = ClsRecorder().attach(model.blocks[-1])
    run_probe_set(model)
    rec.detach()
    return rec.buffer


if __name__ == "__main__":
    print(len(scenario()))
