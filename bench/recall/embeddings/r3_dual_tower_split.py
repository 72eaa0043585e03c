"""A CLIP-like joint encoder whose fused head emits text and image parts in one vector; the text
part is split off with torch.split and kept per batch to build a text-side retrieval table."""
import torch
import torch.nn as nn


class JointEncoder(nn.Module):
    def __init__(self, in_dim=256, text_dim=96, image_dim=928):
        super().__init__()
        self.text_dim = text_dim
        self.image_dim = image_dim
        self.backbone = nn.Sequential(nn.Linear(in_dim, 512), nn.ReLU(), nn.Linear(512, text_dim + image_dim))

    def forward(self, x):
        return self.backbone(x)

    @property
    def split_sizes(self):
        return [self.text_dim, self.image_dim]


class TextTable:
    def __init__(self, encoder):
        self.encoder = encoder
        self.parts = []
        self.keys = []

    @staticmethod
    def normalise_keys(keys):
        return [k.strip().lower() for k in keys]

    @torch.no_grad()
    def fit(self, batches):
        for keys, feats in batches:
            joint = self.encoder(feats)
            text_part, _image_part = torch.split(joint, self.encoder.split_sizes, dim=1)
            self.parts.append(text_part)  # expect: VL002
            self.keys.extend(self.normalise_keys(keys))
        return self


def batches(n_batches, batch_size=128, seed=0):
    g = torch.Generator().manual_seed(seed)
    for b in range(n_batches):
        keys = [f" Item-{b}-{i} " for i in range(batch_size)]
        yield keys, torch.randn(batch_size, 256, generator=g)


def scenario():
    torch.manual_seed(0)
    table = TextTable(JointEncoder().eval()).fit(batches(24))
    return table.parts, table.keys


if __name__ == "__main__":
    parts, keys = scenario()
    print(len(parts), len(keys))
