"""Batch preview hook that clones the first image of each collated batch."""
import torch


def collate_images(samples):
    images = torch.stack([s["image"] for s in samples])
    labels = torch.tensor([s["label"] for s in samples])
    return images, labels


class SyntheticImages:
    def __init__(self, n=512, size=64, seed=0):
        self.n = n
        self.size = size
        self.gen = torch.Generator().manual_seed(seed)

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        return {"image": torch.rand(3, self.size, self.size, generator=self.gen), "label": idx % 10}


class BatchPreviewLogger:
    def __init__(self):
        self.previews = []

    def __call__(self, images, labels):
        self.previews.append(images[0].clone())


def iterate_batches(dataset, batch_size, collate_fn):
    batch = []
    for idx in range(len(dataset)):
        batch.append(dataset[idx])
        if len(batch) == batch_size:
            yield collate_fn(batch)
            batch = []


def scenario():
    logger = BatchPreviewLogger()
    for images, labels in iterate_batches(SyntheticImages(), 32, collate_images):
        logger(images, labels)
    return logger.previews
