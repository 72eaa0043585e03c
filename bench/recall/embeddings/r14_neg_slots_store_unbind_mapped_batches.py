"""A small in-memory vector store for image retrieval, in the shape of the lightweight
"vector DB" classes that declare `__slots__` to keep per-collection overhead down.  Batches are
embedded with `map(lambda batch: ..., batches)`: the backbone's (batch, patches, dim) features are
mean-pooled over the patches and L2-normalised, and `add()` splits the (batch, dim) result with
`unbind(0)` and keeps every row.  The pooled tensor is new and every one of its rows is kept, so the
store holds exactly what it shows."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PatchBackbone(nn.Module):
    def __init__(self, patch=16, dim=192):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.mlp = nn.Linear(dim, dim)

    def forward(self, images):
        x = self.proj(images).flatten(2).transpose(1, 2)
        return x + F.gelu(self.mlp(x))


class VectorStore:
    __slots__ = ("dim", "keys", "vectors")

    def __init__(self, dim):
        self.dim = dim
        self.keys = []
        self.vectors = []

    def add(self, keys, batch_vectors):
        for key, vec in zip(keys, batch_vectors.unbind(0)):
            self.keys.append(key)
            self.vectors.append(vec)

    def query(self, q, k=5):
        sims = torch.stack(self.vectors) @ q
        top = sims.topk(k)
        return [(self.keys[i], s) for i, s in zip(top.indices.tolist(), top.values.tolist())]


def image_batches(n_batches=20, batch_size=16, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n_batches):
        yield torch.rand(batch_size, 3, 224, 224, generator=g)


@torch.no_grad()
def build_store(backbone, batches):
    store = VectorStore(192)
    pooled = map(lambda images: F.normalize(backbone(images).mean(dim=1), dim=-1), batches)
    for b, vectors in enumerate(pooled):
        store.add([f"img-{b}-{i}" for i in range(vectors.size(0))], vectors)
    return store


def scenario():
    torch.manual_seed(0)
    backbone = PatchBackbone().eval()
    return build_store(backbone, image_batches())
