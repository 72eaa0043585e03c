"""Sharded tensor dataset (one ``torch.save``d tensor of images per shard) behind a small LRU shard
cache, read through a real ``torch.utils.data.DataLoader``.  Before quantising the model, a
calibration set is drawn: a few samples from every shard, fetched through the loader without
batching, kept for the observers' passes."""
from collections import OrderedDict

import torch
from torch.utils.data import DataLoader, Dataset


def load_shard(path, n=256):
    """Stand-in for torch.load(path): a (n, 3, 32, 32) float tensor of images."""
    gen = torch.Generator().manual_seed(sum(map(ord, path)))
    return {"images": torch.randn(n, 3, 32, 32, generator=gen),
            "labels": torch.randint(0, 10, (n,), generator=gen)}


class ShardCache:
    def __init__(self, max_shards=2):
        self.max_shards = max_shards
        self._store = OrderedDict()

    def get(self, path):
        if path in self._store:
            self._store.move_to_end(path)
            return self._store[path]
        shard = load_shard(path)
        self._store[path] = shard
        if len(self._store) > self.max_shards:
            self._store.popitem(last=False)
        return shard


class ShardedImageDataset(Dataset):
    def __init__(self, shard_paths, shard_size=256, cache_shards=2):
        self.shard_paths = list(shard_paths)
        self.shard_size = shard_size
        self.cache = ShardCache(cache_shards)

    def __len__(self):
        return len(self.shard_paths) * self.shard_size

    def __getitem__(self, idx):
        shard_idx, local = divmod(idx, self.shard_size)
        shard = self.cache.get(self.shard_paths[shard_idx])
        return {"image": shard["images"][local], "label": int(shard["labels"][local])}


def calibration_set(dataset, per_shard=2):
    indices = [s * dataset.shard_size + k for s in range(len(dataset.shard_paths))
               for k in range(per_shard)]
    loader = DataLoader(dataset, batch_size=None, sampler=indices, num_workers=0)
    images = []
    for sample in loader:
        images.append(sample["image"])  # expect: VL001
    return images


def scenario():
    ds = ShardedImageDataset([f"shards/train-{i:05d}.pt" for i in range(12)])
    return calibration_set(ds)
