"""Detection crops dataset: crops are converted to CHW tensors (ToTensor-style transpose +
ascontiguousarray, which copies) before they enter the cache."""
import numpy as np
import torch


class RandomCrop:
    def __init__(self, size, seed=0):
        self.size = size
        self.rng = np.random.default_rng(seed)

    def __call__(self, img):
        h, w = img.shape[:2]
        y = int(self.rng.integers(0, h - self.size + 1))
        x = int(self.rng.integers(0, w - self.size + 1))
        return img[y:y + self.size, x:x + self.size]


class ToTensor:
    def __call__(self, img):
        chw = np.ascontiguousarray(img.transpose(2, 0, 1))
        return torch.from_numpy(chw).float().div_(255)


class CropDataset(torch.utils.data.Dataset):
    def __init__(self, n_images, crop=96, image_size=512):
        self.n_images = n_images
        self.image_size = image_size
        self.crop = RandomCrop(crop)
        self.to_tensor = ToTensor()
        self.cache = {}

    def _read(self, i):
        rng = np.random.default_rng(i)
        return rng.integers(0, 256, size=(self.image_size, self.image_size, 3), dtype=np.uint8)

    def __len__(self):
        return self.n_images

    def __getitem__(self, i):
        try:
            return self.cache[i]
        except KeyError:
            pass
        sample = self.to_tensor(self.crop(self._read(i)))
        self.cache[i] = sample
        return sample


def scenario():
    ds = CropDataset(40)
    loader = torch.utils.data.DataLoader(ds, batch_size=8, shuffle=False, num_workers=0)
    for _ in loader:
        pass
    return ds.cache
