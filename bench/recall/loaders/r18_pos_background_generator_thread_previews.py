"""Batch previews kept by a training loop fed through a `BackgroundGenerator`: a `threading.Thread`
subclass, started from its own `__init__`, whose `run()` drains a batch generator into a bounded
`queue.Queue` while the training loop reads it through `__iter__`/`__next__` until the `None`
sentinel.  Each batch is a new (32, 3, 64, 64) float32 array made by the generator; every other step
the loop keeps `images[0, :, ::4, ::4]`, a strided view of the first image, for a TensorBoard-style
image grid.  Each preview pins its whole batch.  Written after the prefetch_generator-style
`BackgroundGenerator(threading.Thread)` classes copied into detection and segmentation training
repositories (`DataLoaderX.__iter__` returning `BackgroundGenerator(super().__iter__())`)."""
import queue
import threading

import numpy as np


def synthetic_batches(n_batches, batch_size=32, seed=0):
    """A stand-in for decoding and augmenting one batch of images."""
    rng = np.random.default_rng(seed)
    for _ in range(n_batches):
        images = rng.random((batch_size, 3, 64, 64), dtype=np.float32)
        labels = rng.integers(0, 10, size=batch_size)
        yield images, labels


class BackgroundGenerator(threading.Thread):
    def __init__(self, generator, max_prefetch=2):
        threading.Thread.__init__(self)
        self.queue = queue.Queue(max_prefetch)
        self.generator = generator
        self.daemon = True
        self.start()

    def run(self):
        for item in self.generator:
            self.queue.put(item)
        self.queue.put(None)

    def __next__(self):
        item = self.queue.get()
        if item is None:
            raise StopIteration
        return item

    def __iter__(self):
        return self


def scenario(n_batches=60):
    previews, losses = [], []
    weights = np.full(10, 0.1, dtype=np.float32)
    for step, (images, labels) in enumerate(BackgroundGenerator(synthetic_batches(n_batches))):
        loss = float(np.abs(images.mean(axis=(1, 2, 3)) - weights[labels]).mean())
        losses.append(loss)
        if step % 2 == 0:
            previews.append(images[0, :, ::4, ::4])  # expect: VL002
    return previews, losses
