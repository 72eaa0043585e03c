"""A sentence-encoder wrapper in the style of small retrieval libraries: the pooling strategy comes from
a mixin whose `pool` method subclasses override, and encoders are built with a `@classmethod` factory
(`from_config`).  The CLS-pooling encoder's `pool` returns `hidden[:, 0]`, a view of the batch's whole
(batch, seq, dim) hidden states; the indexer files each row per label with `setdefault(...).append`."""
from typing import Dict, List

import torch
import torch.nn as nn


class PoolingMixin:
    def pool(self, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        summed = (hidden * mask[..., None]).sum(1)
        return summed / mask.sum(1, keepdim=True).clamp(min=1)


class ClsPoolingMixin(PoolingMixin):
    def pool(self, hidden, mask):
        return hidden[:, 0]


class TinyEncoder(nn.Module):
    def __init__(self, vocab: int, dim: int, depth: int):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(nn.TransformerEncoderLayer(dim, 4, dim * 2, batch_first=True) for _ in range(depth))

    def forward(self, ids, mask):
        x = self.embed(ids)
        for layer in self.layers:
            x = layer(x, src_key_padding_mask=mask == 0)
        return x


class SentenceEncoder(PoolingMixin, nn.Module):
    def __init__(self, backbone: TinyEncoder):
        super().__init__()
        self.backbone = backbone

    @classmethod
    def from_config(cls, cfg: dict):
        return cls(TinyEncoder(cfg["vocab"], cfg["dim"], cfg["depth"]))

    @torch.no_grad()
    def encode(self, ids, mask):
        return self.pool(self.backbone(ids, mask), mask)


class ClsSentenceEncoder(ClsPoolingMixin, SentenceEncoder):
    pass


def build_label_index(encoder: SentenceEncoder, batches) -> Dict[str, List[torch.Tensor]]:
    by_label: Dict[str, List[torch.Tensor]] = {}
    for ids, mask, labels in batches:
        emb = encoder.encode(ids, mask)
        for label, row in zip(labels, emb):
            by_label.setdefault(label, []).append(row)  # expect: VL002
    return by_label


def make_batches(n_batches: int, batch: int, seq: int, vocab: int):
    g = torch.Generator().manual_seed(0)
    names = ["sports", "finance", "science", "travel"]
    for b in range(n_batches):
        ids = torch.randint(1, vocab, (batch, seq), generator=g)
        mask = torch.ones(batch, seq)
        yield ids, mask, [names[(b + i) % 4] for i in range(batch)]


def scenario():
    torch.manual_seed(0)
    cfg = {"vocab": 3000, "dim": 128, "depth": 1}
    encoder = ClsSentenceEncoder.from_config(cfg).eval()
    return build_label_index(encoder, make_batches(20, 16, 128, cfg["vocab"]))
