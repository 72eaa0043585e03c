"""Streaming near-duplicate filtering of a text feed by embedding similarity, in the shape of the
semantic-dedup stages of data-curation pipelines (SemDeDup-style filters, "keep a sentence only if its
cosine similarity to everything kept so far is below a threshold"): batches are embedded by a small
encoder, L2-normalised, brought to NumPy for the similarity search, and each novel row is added to
the filter's bank of kept embeddings while duplicates are dropped."""
from dataclasses import dataclass
from typing import Iterator, List, Tuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class DedupConfig:
    similarity_threshold: float = 0.9
    batch_size: int = 256
    dim: int = 384


class BagEncoder(nn.Module):
    def __init__(self, n_features=64, dim=384):
        super().__init__()
        self.proj = nn.Sequential(nn.Linear(n_features, dim), nn.Tanh(), nn.Linear(dim, dim))

    def forward(self, x):
        return self.proj(x)


class SemanticDedupFilter:
    def __init__(self, encoder, config: DedupConfig):
        self.encoder = encoder
        self.config = config
        self.kept_ids: List[int] = []
        self.kept_vectors: List[np.ndarray] = []
        self._bank = np.zeros((0, config.dim), dtype=np.float32)

    @torch.no_grad()
    def embed(self, feats):
        return F.normalize(self.encoder(feats), dim=-1).numpy()

    def _is_novel(self, vec):
        if len(self._bank) == 0:
            return True
        return float((self._bank @ vec).max()) < self.config.similarity_threshold

    def process(self, ids, feats):
        emb = self.embed(feats)
        for i, doc_id in enumerate(ids):
            if self._is_novel(emb[i]):
                self.kept_ids.append(doc_id)
                self.kept_vectors.append(emb[i])  # expect: VL002
                self._bank = np.vstack([self._bank, emb[i][None]])
        return len(self.kept_ids)


def topic_stream(n_batches, batch_size, n_features=64, new_topics=3, seed=0) -> Iterator[Tuple[list, torch.Tensor]]:
    g = torch.Generator().manual_seed(seed)
    topics = torch.randn(new_topics, n_features, generator=g)
    next_id = 0
    for _ in range(n_batches):
        topics = torch.cat([topics, torch.randn(new_topics, n_features, generator=g)])
        pick = torch.randint(0, len(topics), (batch_size,), generator=g)
        feats = topics[pick] + 0.01 * torch.randn(batch_size, n_features, generator=g)
        ids = list(range(next_id, next_id + batch_size))
        next_id += batch_size
        yield ids, feats


def scenario():
    torch.manual_seed(0)
    cfg = DedupConfig()
    filt = SemanticDedupFilter(BagEncoder(dim=cfg.dim).eval(), cfg)
    for ids, feats in topic_stream(40, cfg.batch_size):
        filt.process(ids, feats)
    return filt.kept_ids, filt.kept_vectors
