"""A query-embedding service for semantic search: queries arrive in small batches, are encoded, and the
CLS row of each query is cached in an `OrderedDict` used as an LRU cache (`move_to_end` on a hit,
`popitem(last=False)` past the capacity), as hand-rolled caches in search backends do.  The cached rows
are views of their batch's hidden states, but the cache never holds more than a few entries, so only a
bounded number of batches is ever pinned; what the service returns are `.mean`-pooled copies."""
from collections import OrderedDict
from typing import Dict, List, Optional

import torch
import torch.nn as nn


class QueryEncoder(nn.Module):
    def __init__(self, vocab: int = 5000, dim: int = 256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return torch.tanh(self.proj(self.embed(ids)))                   # (batch, seq, dim)


class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self._data: "OrderedDict[str, torch.Tensor]" = OrderedDict()

    def get(self, key: str) -> Optional[torch.Tensor]:
        if key not in self._data:
            return None
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: str, value: torch.Tensor) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.capacity:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


class QueryService:
    def __init__(self, encoder: nn.Module, capacity: int = 4):
        self.encoder = encoder.eval()
        self.cache = LRUCache(capacity)
        self.hits = 0

    @torch.no_grad()
    def embed_batch(self, queries: List[str], ids: torch.Tensor) -> torch.Tensor:
        cached = [self.cache.get(q) for q in queries]
        if all(c is not None for c in cached):
            self.hits += len(queries)
            return torch.stack(cached)
        hidden = self.encoder(ids)
        cls = hidden[:, 0]
        for q, row in zip(queries, cls):
            self.cache.put(q, row)
        return hidden.mean(dim=1)


def scenario():
    torch.manual_seed(0)
    service = QueryService(QueryEncoder(), capacity=4)
    g = torch.Generator().manual_seed(1)
    pooled: Dict[str, torch.Tensor] = {}
    for b in range(40):
        queries = [f"q{b}-{j}" for j in range(8)]
        ids = torch.randint(0, 5000, (8, 64), generator=g)
        out = service.embed_batch(queries, ids)
        for q, vec in zip(queries, out):
            pooled[q] = vec.clone()
    return pooled, service.cache, service.hits
