"""Document embeddings from a packed (unpadded) encoder, in the shape of the varlen / sequence-packing
pipelines that concatenate a batch's documents into one token stream and describe the boundaries
with `cu_seqlens`.  The embedder object is called (`__call__`) on a list of token-id tensors, builds
`cu_seqlens` with `itertools.accumulate` and walks the documents with `itertools.pairwise`; each
document is mean-pooled over its own tokens (`hidden[start:end].mean(0)`, the packed form of masked
mean pooling) before it goes to a faiss-like flat index whose `add()` keeps what it is given.  The
mean is a new (dim,) tensor: nothing of the batch's output is kept."""
from itertools import accumulate, pairwise

import torch
import torch.nn as nn


class PackedEncoder(nn.Module):
    def __init__(self, vocab=8000, dim=384):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.ff = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, packed_ids, cu_seqlens):
        x = self.embed(packed_ids)
        return x + self.ff(x)


class FlatIPIndex:
    """Exhaustive inner-product search over the vectors added so far."""

    def __init__(self, dim):
        self.dim = dim
        self._xb = []
        self._ids = []

    def add(self, vec, doc_id):
        self._xb.append(vec)
        self._ids.append(doc_id)

    @property
    def ntotal(self):
        return len(self._xb)

    def search(self, queries, k=5):
        xb = torch.stack(self._xb)
        scores = queries @ xb.T
        top = scores.topk(k, dim=-1)
        return top.values, [[self._ids[j] for j in row] for row in top.indices.tolist()]


class PackedEmbedder:
    def __init__(self, encoder, index):
        self.encoder = encoder.eval()
        self.index = index

    @torch.no_grad()
    def __call__(self, docs, doc_ids):
        cu_seqlens = [0, *accumulate(len(d) for d in docs)]
        packed = torch.cat(docs)
        hidden = self.encoder(packed, torch.tensor(cu_seqlens, dtype=torch.int32))
        for doc_id, (start, end) in zip(doc_ids, pairwise(cu_seqlens)):
            self.index.add(hidden[start:end].mean(dim=0), doc_id)
        return len(docs)


def make_batches(n_batches=24, per_batch=8, seed=0):
    g = torch.Generator().manual_seed(seed)
    for b in range(n_batches):
        lengths = torch.randint(64, 192, (per_batch,), generator=g).tolist()
        docs = [torch.randint(0, 8000, (n,), generator=g) for n in lengths]
        yield docs, [f"doc-{b}-{i}" for i in range(per_batch)]


def scenario():
    torch.manual_seed(0)
    index = FlatIPIndex(384)
    embed = PackedEmbedder(PackedEncoder(), index)
    for docs, ids in make_batches():
        embed(docs, ids)
    return index
