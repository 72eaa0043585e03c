"""Segmentation dataset with an augmentation pipeline built from functools.partial and a sample cache."""
from functools import partial

import numpy as np


def decode_image(index, size=512):
    """Stand-in for PIL.Image.open(...) -> np.asarray: a new (size, size, 3) uint8 image per call."""
    rng = np.random.default_rng(index)
    return rng.integers(0, 256, size=(size, size, 3), dtype=np.uint8)


def random_crop(img, size, rng):
    h, w = img.shape[:2]
    y = int(rng.integers(0, h - size + 1))
    x = int(rng.integers(0, w - size + 1))
    return img[y:y + size, x:x + size]


def maybe_hflip(img, rng, p=0.5):
    if rng.random() < p:
        return img[:, ::-1]
    return img


class CachedSegDataset:
    def __init__(self, n_items, crop=96, seed=0):
        self.n_items = n_items
        self.rng = np.random.default_rng(seed)
        self.crop = partial(random_crop, size=crop, rng=self.rng)
        self.flip = partial(maybe_hflip, rng=self.rng)
        self._cache = {}

    def __len__(self):
        return self.n_items

    def __getitem__(self, index):
        if index in self._cache:
            return self._cache[index]
        img = decode_image(index)
        img = self.flip(self.crop(img))
        self._cache[index] = img  # expect: VL002
        return img


def scenario():
    ds = CachedSegDataset(n_items=40)
    for epoch in range(2):
        for i in range(len(ds)):
            ds[i]
    return ds._cache
