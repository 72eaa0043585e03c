"""A small trainer that keeps a preview of every batch it sees (for a "first samples of each batch"
image grid logged at the end of the epoch).  The preview is taken by a `functools.singledispatch`
helper with one implementation per batch type, as generic collate / move-to-device utilities in
training libraries are written (a registry keyed by type: ndarray, dict, list/tuple).  Batches are
collated with `np.stack`, so each batch is a new array, and the ndarray preview is a slice of it."""
import functools

import numpy as np


@functools.singledispatch
def take_preview(batch, k=2):
    raise TypeError(f"cannot preview {type(batch).__name__}")


@take_preview.register(np.ndarray)
def _(batch, k=2):
    return batch[:k]


@take_preview.register(dict)
def _(batch, k=2):
    return {key: take_preview(value, k) for key, value in batch.items()}


def collate(samples):
    images = np.stack([s["image"] for s in samples])
    labels = np.array([s["label"] for s in samples])
    return images, labels


class ImageSource:
    def __init__(self, n, shape=(3, 48, 48), seed=0):
        self.n = n
        self.shape = shape
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return {"image": self.rng.random(self.shape, dtype=np.float32), "label": i % 10}


class PreviewTrainer:
    def __init__(self, source, batch_size=64):
        self.source = source
        self.batch_size = batch_size
        self.previews = []
        self.seen = 0

    def batches(self):
        for start in range(0, len(self.source), self.batch_size):
            stop = min(start + self.batch_size, len(self.source))
            yield collate([self.source[i] for i in range(start, stop)])

    def fit_epoch(self):
        for images, labels in self.batches():
            self.seen += len(labels)
            self.previews.append(take_preview(images))  # expect: VL002


def scenario():
    trainer = PreviewTrainer(ImageSource(64 * 40))
    trainer.fit_epoch()
    return trainer.previews
