"""Retrieval dataset whose samples carry a metadata dict with a small thumbnail for the
evaluation report; the collate function stacks images and passes the metadata through, and the
evaluation loop keeps every batch's metadata."""
import numpy as np


class ProductImages:
    def __init__(self, n_items=64, size=256, thumb_step=16, seed=21):
        self.n_items = n_items
        self.size = size
        self.thumb_step = thumb_step
        self.seed = seed

    def __len__(self):
        return self.n_items

    def _decode(self, i):
        rng = np.random.default_rng(self.seed + i)
        return rng.random((self.size, self.size, 3), dtype=np.float32)

    def __getitem__(self, i):
        img = self._decode(i)
        step = self.thumb_step
        meta = {"id": i, "thumb": img[::step, ::step]}  # expect: VL002
        return img, meta


def collate_with_meta(samples):
    images, metas = zip(*samples)
    return np.stack(images), list(metas)


def iterate(dataset, batch_size=16, collate_fn=collate_with_meta):
    for start in range(0, len(dataset), batch_size):
        idx = range(start, min(start + batch_size, len(dataset)))
        yield collate_fn([dataset[i] for i in idx])


def evaluate(dataset):
    report = []
    embeddings = []
    for images, metas in iterate(dataset):
        embeddings.append(images.mean(axis=(1, 2)))
        report.extend(metas)
    return np.concatenate(embeddings), report


def scenario():
    _, report = evaluate(ProductImages())
    return report
