"""Online hard-example mining over random crops with horizontal-flip augmentation.  The dataset
decodes a new 256x256 RGB image per item, cuts a random 64x64 crop (a slice: a view) and flips it
half of the time with `np.flip(crop, axis=1)` (also a view).  The training loop gathers a batch with
`zip(*(ds[i] for i in ...))`, scores it, and keeps the crops whose loss is in the batch's top quarter
with `hard.extend(itertools.compress(crops, losses > cut))` for a later replay pass.  Each kept crop
pins the whole decoded image it was cut from.  Written after segmentation/classification datasets that
flip with `np.flip`/`[:, ::-1]` in `__getitem__` and OHEM-style loops that keep the hardest samples."""
import itertools

import numpy as np


class RandomCropFlipDataset:
    def __init__(self, n_items, size=256, crop=64, seed=0):
        self.n_items = n_items
        self.size = size
        self.crop = crop
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return self.n_items

    def _decode(self, idx):
        """A stand-in for reading and decoding an image file."""
        return np.random.default_rng(idx).integers(0, 256, size=(self.size, self.size, 3), dtype=np.uint8)

    def __getitem__(self, idx):
        image = self._decode(idx)
        y, x = self.rng.integers(0, self.size - self.crop, size=2)
        crop = image[y:y + self.crop, x:x + self.crop]
        if self.rng.random() < 0.5:
            crop = np.flip(crop, axis=1)
        return crop, idx % 10


def scenario(n_items=640, batch_size=16):
    ds = RandomCropFlipDataset(n_items)
    rng = np.random.default_rng(1)
    hard, mean_losses = [], []
    for start in range(0, len(ds), batch_size):
        crops, labels = zip(*(ds[i] for i in range(start, start + batch_size)))
        batch = np.stack(crops).astype(np.float32) / 255.0
        losses = np.abs(batch.mean(axis=(1, 2, 3)) - 0.5) + rng.random(batch_size)
        cut = np.quantile(losses, 0.75)
        hard.extend(itertools.compress(crops, losses > cut))  # expect: VL002
        mean_losses.append(float(losses.mean()))
    return hard, mean_losses
