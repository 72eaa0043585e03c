"""Batching utilities shared by the training scripts."""
import torch


def collate_images(samples):
    images = torch.stack([s["image"] for s in samples])
    labels = torch.tensor([s["label"] for s in samples])
    return images, labels


class BatchPreviewLogger:
    """Keeps the first image of every batch so a preview grid can be written at the end of the epoch."""

    def __init__(self, every=1):
        self.every = every
        self.previews = []
        self._step = 0

    def __call__(self, images, labels):
        if self._step % self.every == 0:
            self.previews.append(images[0])  # expect: VL002
        self._step += 1
