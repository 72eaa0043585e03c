"""Online hard-example mining for a small image classifier, as in training repositories that keep a
pool of the hardest samples seen so far and replay them in later epochs.  The pool is kept sorted
with `bisect.insort` on (-loss, step) keys; each entry stores its own copy of the sample
(`images[i].clone()`), so the augmented batch the loader made for the step is freed after it."""
import bisect

import torch
import torch.nn as nn
import torch.nn.functional as F


def augmented_batches(n_steps, batch_size=128, n_classes=10, seed=0):
    gen = torch.Generator().manual_seed(seed)
    for _ in range(n_steps):
        images = torch.randn(batch_size, 3, 32, 32, generator=gen)
        images = images * 0.5 + 0.1
        labels = torch.randint(0, n_classes, (batch_size,), generator=gen)
        yield images, labels


class HardExampleMiner:
    def __init__(self, per_batch=2):
        self.per_batch = per_batch
        self.pool = []

    def observe(self, step, images, labels, losses):
        hardest = torch.topk(losses, self.per_batch).indices.tolist()
        for i in hardest:
            bisect.insort(self.pool, (-float(losses[i]), step, i, images[i].clone(), int(labels[i])))

    def replay(self, k):
        return [(img, label) for _, _, _, img, label in self.pool[:k]]


def train_epoch(model, miner, n_steps=40):
    with torch.no_grad():
        for step, (images, labels) in enumerate(augmented_batches(n_steps)):
            logits = model(images)
            losses = F.cross_entropy(logits, labels, reduction="none")
            miner.observe(step, images, labels, losses)
    return miner


def scenario():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 10))
    miner = train_epoch(model, HardExampleMiner())
    return miner.pool
