"""Embedding extraction split over worker threads, one per shard (the threaded "encode in parallel"
helpers of retrieval services): a `threading.Thread` per shard runs a bound method over the shard's
token batches and records each batch's CLS vectors in a shared dict under a `threading.Lock`.  The
vectors are L2-normalised for cosine search as they are recorded
(`F.normalize(hidden[:, 0], dim=-1)`), which makes a new tensor: the dict keeps only the (batch,
dim) blocks, not the hidden states."""
import threading

import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyEncoder(nn.Module):
    def __init__(self, vocab=5000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, tokens):
        return torch.relu(self.proj(self.embed(tokens)))


class ShardedExtractor:
    def __init__(self, encoder):
        self.encoder = encoder
        self.features = {}
        self._lock = threading.Lock()

    def _work(self, shard_id, batches):
        for j, tokens in enumerate(batches):
            with torch.no_grad():
                hidden = self.encoder(tokens)
            with self._lock:
                self.features[(shard_id, j)] = F.normalize(hidden[:, 0], dim=-1)

    def run(self, shards):
        workers = [threading.Thread(target=self._work, args=(i, shard)) for i, shard in enumerate(shards)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return self.features


def scenario():
    torch.manual_seed(0)
    encoder = TinyEncoder().eval()
    shards = [[torch.randint(0, 5000, (16, 128)) for _ in range(6)] for _ in range(3)]
    return ShardedExtractor(encoder).run(shards)
