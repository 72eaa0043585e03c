"""CIFAR-style binary shard reader: every shard is a run of fixed-size records (label byte(s) followed
by a 32x32x3 image), decoded with np.frombuffer and a structured dtype.  The dataset indexes the labels
of all shards up front for class-balanced sampling and decodes images lazily."""
import numpy as np

RECORD = np.dtype([("label", "<i8"), ("fine", "<i8"), ("image", "u1", (32, 32, 3))])


def read_shard(path, n_records=1000, seed=0):
    """Stand-in for open(path, "rb").read() of a data_batch_N.bin file."""
    rng = np.random.default_rng(seed)
    return rng.bytes(n_records * RECORD.itemsize)


class BinaryShardDataset:
    def __init__(self, shard_paths, records_per_shard=1000):
        self.shard_paths = list(shard_paths)
        self.records_per_shard = records_per_shard
        self.labels = []
        self.offsets = []
        self._index_labels()

    def _index_labels(self):
        start = 0
        for seed, path in enumerate(self.shard_paths):
            raw = read_shard(path, self.records_per_shard, seed)
            records = np.frombuffer(raw, dtype=RECORD)
            self.labels.append(records["label"])  # expect: VL002
            self.offsets.append(start)
            start += len(records)

    def class_counts(self, n_classes=10):
        counts = np.zeros(n_classes, dtype=np.int64)
        for lab in self.labels:
            counts += np.bincount(lab % n_classes, minlength=n_classes)
        return counts

    def __len__(self):
        return sum(len(lab) for lab in self.labels)


def scenario():
    ds = BinaryShardDataset([f"cifar/data_batch_{i}.bin" for i in range(1, 41)])
    return ds.labels
