"""Embedding extraction split over worker threads, one per shard, in the shape of the threaded
"encode in parallel" helpers of retrieval and embedding services: an extractor object starts a
`threading.Thread` per shard with a bound method as the target (`target=self._work, args=(...)`),
each worker runs the encoder over its shard's token batches under `torch.no_grad()` and records the
CLS vector of every batch in a dict shared by all workers, under a `threading.Lock` taken with
`with self._lock:`.  The caller joins the threads and returns the features.  Each stored CLS block
is a view of that batch's whole (batch, time, dim) hidden states."""
import threading

import torch
import torch.nn as nn


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
                self.features[(shard_id, j)] = hidden[:, 0]  # expect: VL002

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
