"""Tile dataset for a slide viewer: decoded slides are kept in a small LRU cache, tiles are views."""
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=2)
def load_slide(slide_id, height=768, width=768):
    rng = np.random.default_rng(slide_id)
    return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)


class TileDataset:
    def __init__(self, slide_ids, tile=128):
        self.index = [(s, y, x) for s in slide_ids for y in range(0, 768, tile) for x in range(0, 768, tile)]
        self.tile = tile

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        s, y, x = self.index[i]
        return load_slide(s)[y:y + self.tile, x:x + self.tile]


def scenario():
    ds = TileDataset(range(20))
    recent = []
    for i in range(0, len(ds), 64):
        recent.append(ds[i].mean())
    return recent
