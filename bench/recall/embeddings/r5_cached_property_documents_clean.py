"""A small semantic-search index where each `Document` computes its token vectors lazily with
`functools.cached_property` and its embedding (masked mean of the token vectors, then L2-normalised)
from them; tokenisation is memoised with `functools.lru_cache`.  The index keeps only
`np.asarray(doc.embedding)` and the documents are dropped after indexing, so no token matrix is kept:
the mean is a new array and `np.asarray` of an array is that same small array."""
from functools import cached_property, lru_cache

import numpy as np

VOCAB, DIM = 30000, 256
_rng = np.random.default_rng(4)
EMBEDDING_TABLE = _rng.standard_normal((VOCAB, DIM)).astype(np.float32)


@lru_cache(maxsize=4096)
def tokenize(word):
    return hash(word) % VOCAB


class Document:
    def __init__(self, doc_id, text, max_tokens=512):
        self.doc_id = doc_id
        self.text = text
        self.max_tokens = max_tokens

    @cached_property
    def token_ids(self):
        return np.array([tokenize(w) for w in self.text.split()[: self.max_tokens]])

    @cached_property
    def token_vectors(self):
        return EMBEDDING_TABLE[self.token_ids] * 1.0

    @cached_property
    def embedding(self):
        v = self.token_vectors.mean(axis=0)
        return v / (np.linalg.norm(v) + 1e-8)


class VectorIndex:
    def __init__(self):
        self.ids = []
        self.rows = []

    def add(self, doc):
        self.ids.append(doc.doc_id)
        self.rows.append(np.asarray(doc.embedding, dtype=np.float32))

    def matrix(self):
        return np.stack(self.rows)


def fake_corpus(n_docs, words_per_doc, seed=9):
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(3000)]
    for i in range(n_docs):
        picks = rng.integers(0, len(words), size=words_per_doc)
        yield f"doc-{i}", " ".join(words[p] for p in picks)


def scenario():
    index = VectorIndex()
    for doc_id, text in fake_corpus(80, 400):
        index.add(Document(doc_id, text))
    return index
