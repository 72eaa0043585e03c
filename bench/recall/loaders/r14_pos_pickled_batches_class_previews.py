"""CIFAR-style dataset built from pickled batch files: each batch is a pickled dict with `b"data"`
(an N x 3072 uint8 array, channel-major) and `b"labels"`, read with `pickle.load(f,
encoding="bytes")`.  The map-style dataset (`__len__`/`__getitem__`, as a
DataLoader expects) reshapes each batch to (N, 32, 32, 3), concatenates the batches
into its training array, and while loading keeps the first images of every batch as a per-batch
preview strip for the dataset card.  The reshaped batch is a view of the unpickled array, and each
strip is a slice of it, so every unpickled batch stays alive beside the concatenated copy.  Written
after the many `load_CIFAR_batch` / `unpickle` helpers (`datadict = pickle.load(f,
encoding='latin1')`, `X.reshape(10000, 3, 32, 32).transpose(0, 2, 3, 1)`); the batch files are
written to a temporary directory first."""
import os
import pickle
import tempfile

import numpy as np


def write_batches(root, n_batches=6, per_batch=2000, seed=0):
    rng = np.random.default_rng(seed)
    for b in range(1, n_batches + 1):
        batch = {
            b"batch_label": f"training batch {b} of {n_batches}".encode(),
            b"labels": rng.integers(0, 10, size=per_batch).tolist(),
            b"data": rng.integers(0, 256, size=(per_batch, 3072), dtype=np.uint8),
        }
        with open(os.path.join(root, f"data_batch_{b}"), "wb") as f:
            pickle.dump(batch, f, protocol=pickle.HIGHEST_PROTOCOL)


def unpickle(path):
    with open(path, "rb") as fo:
        return pickle.load(fo, encoding="bytes")


class CIFARBatches:
    def __init__(self, root, preview=8):
        names = sorted(n for n in os.listdir(root) if n.startswith("data_batch_"))
        chunks, targets = [], []
        self.previews = []
        for name in names:
            entry = unpickle(os.path.join(root, name))
            images = entry[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
            self.previews.append(images[:preview])  # expect: VL002
            chunks.append(images)
            targets.extend(entry[b"labels"])
        self.data = np.concatenate(chunks)
        self.targets = np.asarray(targets)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        image = self.data[index].astype(np.float32) / 255.0
        return image.transpose(2, 0, 1), int(self.targets[index])


def scenario():
    with tempfile.TemporaryDirectory() as root:
        write_batches(root)
        dataset = CIFARBatches(root)
        return dataset.previews, len(dataset)
