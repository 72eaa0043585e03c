"""Build an image-retrieval index from a folder of images (a synthetic reader stands in
for the dataset): one embedding per image, the class-token output."""
import torch

from extractor import FeatureExtractor, PatchEncoder
from store import EmbeddingStore


class FakeImageFolder:
    def __init__(self, n, side=32):
        self.n = n
        self.side = side

    def __iter__(self):
        g = torch.Generator().manual_seed(5)
        for start in range(0, self.n, 50):
            names = [f"img_{i:05d}.jpg" for i in range(start, min(start + 50, self.n))]
            yield names, torch.rand(len(names), 3, self.side, self.side, generator=g)


def build_index(folder, extractor):
    index = EmbeddingStore()
    for names, images in folder:
        out = extractor(images)
        pooled = out["pooler_output"]
        for name, vec in zip(names, pooled):
            index.add(name, vec)
    return index


def scenario():
    torch.manual_seed(5)
    index = build_index(FakeImageFolder(500), FeatureExtractor(PatchEncoder()))
    return index._vectors


if __name__ == "__main__":
    print(len(scenario()))
