"""An approximate-nearest-neighbour image index, in the shape of the CLIP retrieval demos that embed a
folder of images batch by batch, L2-normalise the projected features with `F.normalize` and add every
row that passes an aesthetic-score filter to an Annoy-style index (`index.add_item(i, vector)`, then
`build`).  The index here is the
project's own pure-Python stand-in with the same interface; the batches come from
`itertools.starmap` over (offset, images) pairs."""
import itertools

import torch
import torch.nn as nn
import torch.nn.functional as F


class ImageTower(nn.Module):
    def __init__(self, in_dim=3 * 32 * 32, width=512, embed_dim=512):
        super().__init__()
        self.backbone = nn.Sequential(nn.Flatten(), nn.Linear(in_dim, width), nn.GELU())
        self.proj = nn.Linear(width, embed_dim, bias=False)
        self.aesthetic = nn.Linear(width, 1)

    def forward(self, images):
        h = self.backbone(images)
        return self.proj(h), self.aesthetic(h).squeeze(-1)


class VectorIndex:
    """Annoy-like: items are added one by one, then `build` stacks them."""

    def __init__(self, dim, metric="angular"):
        self.dim = dim
        self.metric = metric
        self._items = {}
        self._matrix = None

    def add_item(self, i, vector):
        self._items[i] = vector  # expect: VL002

    def build(self):
        keys = sorted(self._items)
        self._matrix = torch.stack([self._items[k] for k in keys])

    def get_nns_by_vector(self, query, n):
        return (self._matrix @ query).topk(n).indices.tolist()


def main():
    torch.manual_seed(0)
    tower = ImageTower().eval()
    index = VectorIndex(512)

    @torch.no_grad()
    def encode(offset, images):
        feats, scores = tower(images)
        scores = (scores - scores.mean()) / scores.std()
        return offset, F.normalize(feats, dim=-1), scores

    chunks = ((k * 128, torch.randn(128, 3, 32, 32)) for k in range(60))
    for offset, feats, scores in itertools.starmap(encode, chunks):
        for j in range(feats.shape[0]):
            if scores[j] > 1.5:
                index.add_item(offset + j, feats[j])
    return index


def scenario():
    index = main()
    return index
