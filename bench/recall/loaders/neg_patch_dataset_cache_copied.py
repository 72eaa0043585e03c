"""Medical-imaging patch dataset: the memoised patch is copied out of the decoded volume."""
import numpy as np


class VolumeStore:
    def __init__(self, n_volumes, shape=(48, 256, 256), seed=0):
        self.n_volumes = n_volumes
        self.shape = shape
        self.seed = seed

    def load(self, index):
        rng = np.random.default_rng(self.seed + index)
        return rng.standard_normal(self.shape, dtype=np.float32)


class PatchDataset:
    def __init__(self, store, patch=32, cache=True):
        self.store = store
        self.patch = patch
        self.cache = cache
        self._samples = {}

    def __len__(self):
        return self.store.n_volumes

    def _center_patch(self, volume):
        d, h, w = volume.shape
        p = self.patch
        z, y, x = d // 2, (h - p) // 2, (w - p) // 2
        return volume[z, y:y + p, x:x + p].copy()

    def __getitem__(self, index):
        if index in self._samples:
            return self._samples[index]
        volume = self.store.load(index)
        volume = (volume - volume.mean()) / (volume.std() + 1e-6)
        sample = {"image": self._center_patch(volume), "index": index}
        if self.cache:
            self._samples[index] = sample
        return sample


def scenario():
    ds = PatchDataset(VolumeStore(n_volumes=12))
    for epoch in range(2):
        for i in range(len(ds)):
            ds[i]
    return ds
