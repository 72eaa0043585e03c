"""Preview pass over a webdataset-style image corpus: every shard is a POSIX tar whose members are
`<key>.npy` (an HxWx3 image saved with `np.save`) and `<key>.cls` (the label as text).  The
`IterableDataset` splits the shard list between DataLoader workers with
`torch.utils.data.get_worker_info()` (`shards[worker_id::num_workers]`), opens each shard with
`tarfile.open`, reads a member's bytes with `extractfile(...).read()` and decodes the array with
`np.load(io.BytesIO(data))`, handed on as a CHW tensor
(`torch.from_numpy(...).permute(2, 0, 1)`), grouping members into samples by key.  The preview pass walks the
dataset in the main process and keeps a centre crop of every third image for a contact sheet.
Each crop is a view of its decoded image's memory, so the sheet holds every decoded image.  Written after
custom tar-shard IterableDatasets (`worker_info = torch.utils.data.get_worker_info()`,
`tarfile.open(path)`, `np.load(BytesIO(...))`) used beside webdataset."""
import io
import os
import tarfile
import tempfile

import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info


def add_member(tar, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    tar.addfile(info, io.BytesIO(payload))


def write_shards(root, n_shards=4, per_shard=24, size=320, seed=0):
    rng = np.random.default_rng(seed)
    paths = []
    for s in range(n_shards):
        path = os.path.join(root, f"train-{s:04d}.tar")
        with tarfile.open(path, "w") as tar:
            for k in range(per_shard):
                key = f"{s:04d}{k:05d}"
                buf = io.BytesIO()
                np.save(buf, rng.integers(0, 256, size=(size, size, 3), dtype=np.uint8))
                add_member(tar, f"{key}.npy", buf.getvalue())
                add_member(tar, f"{key}.cls", str(int(rng.integers(0, 10))).encode())
        paths.append(path)
    return paths


class TarShardDataset(IterableDataset):
    def __init__(self, shards):
        super().__init__()
        self.shards = list(shards)

    def _worker_shards(self):
        info = get_worker_info()
        if info is None:
            return self.shards
        return self.shards[info.id :: info.num_workers]

    def _samples(self, path):
        current, sample = None, {}
        with tarfile.open(path) as tar:
            for member in tar:
                key, ext = member.name.rsplit(".", 1)
                if key != current and sample:
                    yield sample
                    sample = {}
                current = key
                data = tar.extractfile(member).read()
                if ext == "npy":
                    sample["image"] = torch.from_numpy(np.load(io.BytesIO(data))).permute(2, 0, 1)
                elif ext == "cls":
                    sample["label"] = int(data.decode())
                sample["__key__"] = key
        if sample:
            yield sample

    def __iter__(self):
        for path in self._worker_shards():
            yield from self._samples(path)


def preview(dataset, every=3, crop=64):
    sheet, labels = [], []
    for n, sample in enumerate(dataset):
        if n % every:
            continue
        image = sample["image"]
        _, h, w = image.shape
        top, left = (h - crop) // 2, (w - crop) // 2
        sheet.append(image[:, top : top + crop, left : left + crop])  # expect: VL002
        labels.append(sample["label"])
    return sheet, torch.tensor(labels)


def scenario():
    with tempfile.TemporaryDirectory() as root:
        dataset = TarShardDataset(write_shards(root))
        return preview(dataset)
