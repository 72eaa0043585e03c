"""Minimal training-data pipeline: a map-style dataset, a hand-rolled loader and a preview hook."""
import torch

from collate import BatchPreviewLogger, collate_images


class SyntheticImages:
    def __init__(self, n=512, size=64, seed=0):
        self.n = n
        self.size = size
        self.gen = torch.Generator().manual_seed(seed)

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        return {"image": torch.rand(3, self.size, self.size, generator=self.gen), "label": idx % 10}


def iterate_batches(dataset, batch_size, collate_fn):
    batch = []
    for idx in range(len(dataset)):
        batch.append(dataset[idx])
        if len(batch) == batch_size:
            yield collate_fn(batch)
            batch = []
    if batch:
        yield collate_fn(batch)


def run_epoch(dataset, hooks, batch_size=32):
    seen = 0
    for images, labels in iterate_batches(dataset, batch_size, collate_images):
        for hook in hooks:
            hook(images, labels)
        seen += images.shape[0]
    return seen


def scenario():
    logger = BatchPreviewLogger()
    run_epoch(SyntheticImages(), [logger])
    return logger.previews
