"""Passage retrieval over long documents: each document's token vectors (an embedding-table lookup,
L2-normalised) are cut with `np.array_split` into a few chunks, and the first vector of every chunk
is kept as that chunk's anchor in a dataclass index.  Documents come from two sources chained with
`itertools.chain`.  Each anchor is a row view, so the index holds every document's full matrix."""
import itertools
from dataclasses import dataclass, field
from typing import List, Tuple

import numpy as np


@dataclass
class ChunkIndex:
    n_chunks: int = 4
    anchors: List[np.ndarray] = field(default_factory=list)
    keys: List[Tuple[str, int]] = field(default_factory=list)

    def add_document(self, doc_id, token_vecs):
        for j, chunk in enumerate(np.array_split(token_vecs, self.n_chunks)):
            self.anchors.append(chunk[0])  # expect: VL002
            self.keys.append((doc_id, j))

    def search(self, query, k=3):
        mat = np.stack(self.anchors)
        scores = mat @ query
        best = np.argsort(-scores)[:k]
        return [self.keys[i] for i in best]


class TableEncoder:
    def __init__(self, vocab=20000, dim=128, seed=0):
        rng = np.random.default_rng(seed)
        self.table = rng.standard_normal((vocab, dim)).astype(np.float32)

    def encode(self, token_ids):
        vecs = self.table[token_ids]
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-6
        return vecs


def load_corpus(name, n_docs, length, seed):
    rng = np.random.default_rng(seed)
    for i in range(n_docs):
        yield f"{name}-{i}", rng.integers(0, 20000, size=length)


def build_index(encoder, sources):
    index = ChunkIndex()
    for doc_id, token_ids in itertools.chain(*sources):
        index.add_document(doc_id, encoder.encode(token_ids))
    return index


def scenario():
    encoder = TableEncoder()
    sources = [load_corpus("wiki", 24, 512, 1), load_corpus("news", 24, 512, 2)]
    return build_index(encoder, sources)
