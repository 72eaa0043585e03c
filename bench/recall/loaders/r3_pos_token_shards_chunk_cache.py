"""Pre-tokenised corpus split into shards; each dataset item is one chunk of a shard.  Items are
memoised so later epochs skip the (slow) shard load."""
import torch
from torch.utils.data import Dataset


class ShardedTokenDataset(Dataset):
    def __init__(self, n_shards=10, rows_per_shard=8192, seq_len=64, chunks_per_shard=64,
                 cache_items=True):
        self.n_shards = n_shards
        self.rows_per_shard = rows_per_shard
        self.seq_len = seq_len
        self.chunks_per_shard = chunks_per_shard
        self.cache_items = cache_items
        self._items = {}

    def __len__(self):
        return self.n_shards * self.chunks_per_shard

    @staticmethod
    def load_shard(shard_id, rows, seq_len):
        """Stand-in for torch.load(f"shard_{shard_id:05d}.pt")."""
        gen = torch.Generator().manual_seed(shard_id)
        return torch.randint(0, 50_000, (rows, seq_len), generator=gen)

    def __getitem__(self, idx):
        if idx in self._items:
            return self._items[idx]
        shard_id, part = divmod(idx, self.chunks_per_shard)
        shard = self.load_shard(shard_id, self.rows_per_shard, self.seq_len)
        item = torch.chunk(shard, self.chunks_per_shard)[part]
        if self.cache_items:
            self._items[idx] = item  # expect: VL002
        return item


def scenario():
    ds = ShardedTokenDataset()
    gen = torch.Generator().manual_seed(0)
    order = torch.randperm(len(ds), generator=gen)[:24].tolist()
    n_tokens = 0
    for epoch in range(2):
        for idx in order:
            n_tokens += ds[idx].numel()
    return ds._items
