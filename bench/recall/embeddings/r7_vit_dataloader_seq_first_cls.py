"""Image embeddings for a retrieval demo, extracted with a small ViT whose transformer blocks work
sequence-first (`(tokens, batch, dim)`, the `nn.MultiheadAttention` default layout).  Images come from a
real `torch.utils.data.Dataset` through a `DataLoader`; the extractor runs under
`torch.inference_mode()`, turns the encoder output batch-first with `permute(1, 0, 2)`, takes the CLS
position and files each image's row under its id.  `permute`, the CLS slice and the row are all views,
so every kept row holds its batch's whole (tokens, batch, dim) output."""
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class SyntheticImages(Dataset):
    """Stands in for an `ImageFolder`: a deterministic image per index, with a string id."""

    def __init__(self, n: int, size: int = 64):
        self.n = n
        self.size = size

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, idx: int) -> Tuple[torch.Tensor, str]:
        g = torch.Generator().manual_seed(idx)
        img = torch.rand(3, self.size, self.size, generator=g)
        return img, f"img_{idx:05d}"


class Block(nn.Module):
    def __init__(self, dim: int, heads: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.norm1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.norm2(x))


class TinyViT(nn.Module):
    def __init__(self, patch: int = 4, dim: int = 192, depth: int = 2, heads: int = 4, size: int = 64):
        super().__init__()
        self.patchify = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos = nn.Parameter(torch.randn((size // patch) ** 2 + 1, 1, dim) * 0.02)
        self.blocks = nn.Sequential(*[Block(dim, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        x = self.patchify(images).flatten(2).permute(2, 0, 1)          # (patches, batch, dim)
        cls = self.cls_token.expand(-1, x.size(1), -1)
        x = torch.cat([cls, x], dim=0) + self.pos
        return self.norm(self.blocks(x))                                 # (tokens, batch, dim)


class EmbeddingExtractor:
    def __init__(self, model: nn.Module, batch_size: int = 32):
        self.model = model.eval()
        self.batch_size = batch_size

    def extract(self, dataset: Dataset) -> Dict[str, torch.Tensor]:
        loader = DataLoader(dataset, batch_size=self.batch_size, shuffle=False, num_workers=0)
        bank: Dict[str, torch.Tensor] = {}
        with torch.inference_mode():
            for images, ids in loader:
                tokens = self.model(images).permute(1, 0, 2)             # (batch, tokens, dim)
                cls = tokens[:, 0]
                for i, image_id in enumerate(ids):
                    bank[image_id] = cls[i]  # expect: VL002
        return bank


def scenario():
    torch.manual_seed(0)
    extractor = EmbeddingExtractor(TinyViT(), batch_size=32)
    bank = extractor.extract(SyntheticImages(256))
    ids: List[str] = sorted(bank)
    return ids, bank
