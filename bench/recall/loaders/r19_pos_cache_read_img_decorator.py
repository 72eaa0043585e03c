"""A detection dataset that caches decoded images in RAM through a decorator factory on its
`read_img` method.  `read_img(index)` decodes a full-resolution (480, 640, 3) image and returns the
low-resolution copy the model trains on, made by nearest-neighbour subsampling
(`img[::stride, ::stride]`); the `@cache_read_img(use_cache=True)` wrapper stores what `read_img`
returns in `self.imgs[index]` the first time, and `cache_images()` warms the whole cache before
training.  Each cached image is a strided view of its decoded frame, so the cache holds every
full-resolution image.  Written after YOLOX's `CacheDataset` (`yolox/data/datasets/
datasets_wrapper.py`: the `cache_read_img(use_cache=True)` decorator and `cache_images()`, with
custom datasets implementing `read_img` as its docs/cache.md describes)."""
from functools import wraps

import numpy as np


def cache_read_img(use_cache=True):
    def decorator(read_img_fn):
        @wraps(read_img_fn)
        def wrapper(self, index, use_cache=use_cache):
            cache = self.cache and use_cache
            if cache:
                if self.imgs[index] is None:
                    self.imgs[index] = read_img_fn(self, index)  # expect: VL002
                return self.imgs[index]
            return read_img_fn(self, index)
        return wrapper
    return decorator


class CacheDataset:
    def __init__(self, num_imgs, cache=False):
        self.num_imgs = num_imgs
        self.cache = cache
        self.imgs = [None] * num_imgs

    def __len__(self):
        return self.num_imgs

    def cache_images(self):
        for index in range(self.num_imgs):
            self.read_img(index)

    def read_img(self, index, use_cache=True):
        raise NotImplementedError


class CameraTrapDataset(CacheDataset):
    def __init__(self, num_imgs, stride=4, cache=True, seed=0):
        super().__init__(num_imgs, cache=cache)
        self.stride = stride
        self.seed = seed
        self.labels = [np.array([[0, 10.0, 20.0, 50.0, 60.0]], dtype=np.float32) for _ in range(num_imgs)]

    def _decode(self, index):
        rng = np.random.default_rng(self.seed + index)
        return rng.integers(0, 255, size=(480, 640, 3), dtype=np.uint8)

    @cache_read_img(use_cache=True)
    def read_img(self, index):
        img = self._decode(index)
        return img[:: self.stride, :: self.stride]

    def __getitem__(self, index):
        img = self.read_img(index)
        return img, self.labels[index] / self.stride


def scenario(n_images=40):
    ds = CameraTrapDataset(n_images, stride=4)
    ds.cache_images()
    return ds
