"""Super-resolution training set: high-res images are decoded once, a random crop of each is
preloaded through a composed transform pipeline."""
import random

import numpy as np


def decode_image(path, height=1080, width=1920):
    """Stand-in for imageio.imread(path): a new uint8 HxWx3 array per call."""
    rng = np.random.default_rng(abs(hash(path)) % (2 ** 32))
    return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)


class RandomCrop:
    def __init__(self, size):
        self.size = size

    def __call__(self, img):
        h, w = img.shape[:2]
        top = random.randint(0, h - self.size)
        left = random.randint(0, w - self.size)
        return img[top:top + self.size, left:left + self.size]


class RandomHorizontalFlip:
    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, img):
        if random.random() < self.p:
            return img[:, ::-1]
        return img


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img


class PreloadedCrops:
    def __init__(self, paths, transform):
        self.samples = []
        for path in paths:
            img = decode_image(path)
            self.samples.append(transform(img))  # expect: VL002

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        return self.samples[idx]


def scenario():
    random.seed(0)
    paths = ["div2k/%04d.png" % i for i in range(12)]
    return PreloadedCrops(paths, Compose([RandomCrop(96), RandomHorizontalFlip()]))
