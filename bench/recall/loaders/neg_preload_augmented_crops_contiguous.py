"""Super-resolution training set: the crop pipeline ends with a ToArray step that makes a compact copy."""
import random

import numpy as np


def decode_image(path, height=1080, width=1920):
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


class ToFloatArray:
    def __call__(self, img):
        return img.astype(np.float32) / 255.0


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
            self.samples.append(transform(img))

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        return self.samples[idx]


def scenario():
    random.seed(0)
    paths = ["div2k/%04d.png" % i for i in range(12)]
    return PreloadedCrops(paths, Compose([RandomCrop(96), ToFloatArray()]))
