"""Embedding a document collection shard by shard with a `concurrent.futures.ThreadPoolExecutor`: each
worker runs a (NumPy) recurrent encoder that returns time-major states, shape (time, docs, dim), as
fairseq-style encoders do.  The driver consumes `executor.map` in order, turns the states batch-first
with `np.moveaxis` and keeps the first position of every document.  `moveaxis` and the row are views,
so the index holds every shard's full state array."""
from concurrent.futures import ThreadPoolExecutor

import numpy as np


class RecurrentEncoder:
    def __init__(self, vocab=5000, dim=96, seed=0):
        rng = np.random.default_rng(seed)
        self.table = rng.standard_normal((vocab, dim)).astype(np.float32)
        self.w = (rng.standard_normal((dim, dim)) / np.sqrt(dim)).astype(np.float32)

    def __call__(self, token_ids):
        # token_ids: (docs, time) -> states (time, docs, dim)
        x = self.table[token_ids.T]
        states = np.empty_like(x)
        h = np.zeros(x.shape[1:], dtype=np.float32)
        for t in range(x.shape[0]):
            h = np.tanh(x[t] + h @ self.w)
            states[t] = h
        return states


def make_shards(n_shards, docs_per_shard, length, seed=7):
    rng = np.random.default_rng(seed)
    for s in range(n_shards):
        ids = [f"shard{s}-doc{j}" for j in range(docs_per_shard)]
        yield ids, rng.integers(0, 5000, size=(docs_per_shard, length))


def embed_collection(encoder, shards, workers=2):
    shards = list(shards)
    index = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda shard: encoder(shard[1]), shards)
        for (doc_ids, _), states in zip(shards, results):
            batch_first = np.moveaxis(states, 0, 1)
            for j, doc_id in enumerate(doc_ids):
                index[doc_id] = batch_first[j, 0]  # expect: VL002
    return index


def scenario():
    encoder = RecurrentEncoder()
    return embed_collection(encoder, make_shards(n_shards=12, docs_per_shard=32, length=64))
