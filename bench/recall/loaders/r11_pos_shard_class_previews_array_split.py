"""Language-model pretraining over token shards, one `Dataset` instance per shard file: each shard
is loaded as a flat token array, cut into documents with `np.array_split` at the shard's document
count, and the instance records the first 32 tokens of its first document in a preview list
declared on the class (`previews: list = []`, shared by every instance), which the trainer prints
once all shards are done.  Each shard's dataset is dropped after its epoch, but the shared class
list outlives them all.  Written after shard-per-file token datasets of LM pretraining repos
(nanoGPT/Megatron-style `.bin` shards) and class-level registries kept on dataset classes; the
shards are random stand-ins."""
import numpy as np


class TokenShard:
    previews: list = []

    def __init__(self, shard_id, n_tokens=1_000_000, n_docs=400, seq_len=256):
        self.seq_len = seq_len
        tokens = self._load(shard_id, n_tokens)
        self.docs = np.array_split(tokens, n_docs)
        TokenShard.previews.append(self.docs[0][:32])  # expect: VL002

    @staticmethod
    def _load(shard_id, n_tokens):
        rng = np.random.default_rng(shard_id)
        return rng.integers(0, 50257, n_tokens, dtype=np.int64)

    def __len__(self):
        return len(self.docs)

    def __getitem__(self, i):
        doc = self.docs[i]
        return doc[: self.seq_len + 1]


def train_on(ds):
    total = 0
    for i in range(len(ds)):
        total += int(ds[i][0])
    return total


def scenario():
    for shard_id in range(12):
        ds = TokenShard(shard_id)
        train_on(ds)
    return TokenShard.previews
