"""Feature extraction for a k-NN evaluation (DINO style): the [CLS] features of each batch
are moved to 'cpu' as float and extended into one flat list of per-image vectors."""
import torch
import torch.nn as nn


class TinyViT(nn.Module):
    def __init__(self, patch=4, dim=96, depth=2):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        layer = nn.TransformerEncoderLayer(dim, 4, 2 * dim, batch_first=True, dropout=0.0)
        self.blocks = nn.TransformerEncoder(layer, depth)

    def forward(self, x):
        x = self.patch_embed(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(x.size(0), -1, -1), x], dim=1)
        return self.blocks(x)


@torch.no_grad()
def extract_features(model, loader):
    features, labels = [], []
    for images, targets in loader:
        out = model(images)
        features.extend(out[:, 0].float().cpu())  # expect: VL002
        labels.extend(targets.tolist())
    return features, labels


def fake_loader(n_batches=12, batch=32):
    g = torch.Generator().manual_seed(14)
    for _ in range(n_batches):
        yield torch.rand(batch, 3, 32, 32, generator=g), torch.randint(0, 10, (batch,), generator=g)


def scenario():
    torch.manual_seed(14)
    feats, _ = extract_features(TinyViT().eval(), fake_loader())
    return feats


if __name__ == "__main__":
    print(len(scenario()))
