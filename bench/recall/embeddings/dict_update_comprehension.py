"""Caching item embeddings for a recommender: each batch's item-tower output is merged
into the cache with a dict comprehension over (item id, row) pairs."""
import torch
import torch.nn as nn


class ItemTower(nn.Module):
    def __init__(self, n_features=64, dim=128, n_slots=24):
        super().__init__()
        self.n_slots = n_slots
        self.net = nn.Sequential(nn.Linear(n_features, dim), nn.ReLU(), nn.Linear(dim, dim * n_slots))

    def forward(self, x):
        return self.net(x).view(x.size(0), self.n_slots, -1)   # (items, slots, dim)


@torch.no_grad()
def refresh_cache(tower, item_ids, item_features, batch_size=64):
    cache = {}
    for start in range(0, len(item_ids), batch_size):
        ids = item_ids[start:start + batch_size]
        slots = tower(item_features[start:start + batch_size])
        cache.update({iid: vec for iid, vec in zip(ids, slots[:, 0])})  # expect: VL002
    return cache


def scenario():
    torch.manual_seed(15)
    feats = torch.randn(640, 64)
    return refresh_cache(ItemTower().eval(), list(range(10_000, 10_640)), feats)


if __name__ == "__main__":
    print(len(scenario()))
