"""Sentence embeddings in a retrieval codebase whose pooler was written for sequence-first
(fairseq-style, T x B x C) states: the encoder now returns (batch, seq, dim) states, and the pooler
still moves the sequence axis to the front with `movedim(1, 0)`, takes the first step (`[0]`) and
calls `.contiguous()` before the rows are kept in the index.  That first-step slice is not
contiguous (its rows are `seq * dim` apart), so `.contiguous()` copies it: the kept (batch, dim)
tensors hold nothing of the batch's states."""
from typing import Dict, List

import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab: int = 8000, dim: int = 256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layer = nn.TransformerEncoderLayer(dim, nhead=4, dim_feedforward=2 * dim, batch_first=True)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.layer(self.embed(ids))                              # (batch, seq, dim)


class DenseIndex:
    def __init__(self, encoder: nn.Module):
        self.encoder = encoder.eval()
        self.vectors: List[torch.Tensor] = []
        self.doc_ids: List[int] = []

    def pool(self, states: torch.Tensor) -> torch.Tensor:
        return states.movedim(1, 0)[0].contiguous()

    @torch.no_grad()
    def add(self, batches) -> None:
        for ids, doc_ids in batches:
            cls = self.pool(self.encoder(ids))
            self.vectors.append(cls)
            self.doc_ids.extend(doc_ids)

    def matrix(self) -> Dict[str, torch.Tensor]:
        return {"vectors": torch.cat(self.vectors), "ids": torch.tensor(self.doc_ids)}


def make_batches(n_batches: int, batch: int = 16, seq: int = 128, vocab: int = 8000):
    g = torch.Generator().manual_seed(1)
    for b in range(n_batches):
        yield torch.randint(0, vocab, (batch, seq), generator=g), list(range(b * batch, (b + 1) * batch))


def scenario():
    index = DenseIndex(Encoder())
    index.add(make_batches(10))
    return index.vectors, index.doc_ids
