"""A small fluent data pipeline (map/batch/take return self) with a callable collator object
that stacks samples into a batch and keeps the first rows of each batch for a debug dashboard."""
import itertools

import numpy as np


class ImageSource:
    """Stand-in for a folder of decoded 128x128 RGB images."""

    def __init__(self, n, seed=11):
        self.n = n
        self.seed = seed

    def __iter__(self):
        rng = np.random.default_rng(self.seed)
        for i in range(self.n):
            yield {"image": rng.random((128, 128, 3), dtype=np.float32), "label": i % 7}


class StackCollator:
    def __init__(self, keep_rows=2):
        self.keep_rows = keep_rows
        self.debug_batches = []

    def __call__(self, samples):
        images = np.stack([s["image"] for s in samples])
        labels = np.array([s["label"] for s in samples])
        self.debug_batches.append(images[:self.keep_rows])  # expect: VL002
        return images, labels


class Pipeline:
    def __init__(self, source):
        self.source = source
        self._fns = []
        self._batch_size = None
        self._collate = None
        self._limit = None

    def map(self, fn):
        self._fns.append(fn)
        return self

    def batch(self, batch_size, collate_fn):
        self._batch_size = batch_size
        self._collate = collate_fn
        return self

    def take(self, n):
        self._limit = n
        return self

    def _samples(self):
        for sample in self.source:
            for fn in self._fns:
                sample = fn(sample)
            yield sample

    def _batches(self):
        it = self._samples()
        while True:
            chunk = list(itertools.islice(it, self._batch_size))
            if not chunk:
                return
            yield self._collate(chunk)

    def __iter__(self):
        yield from itertools.islice(self._batches(), self._limit)


def normalise(sample):
    return {"image": (sample["image"] - 0.5) / 0.25, "label": sample["label"]}


def scenario():
    collator = StackCollator(keep_rows=2)
    pipe = Pipeline(ImageSource(n=640)).map(normalise).batch(32, collator).take(20)
    for images, labels in pipe:
        pass
    return collator.debug_batches
