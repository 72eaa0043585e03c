"""Image classification dataset whose augmentation pipeline is built from a config through a
registry of transform classes; decoded and transformed images are cached in memory."""
import numpy as np

TRANSFORMS = {}


def register(name):
    def wrap(cls):
        TRANSFORMS[name] = cls
        return cls
    return wrap


@register("center_crop")
class CenterCrop:
    def __init__(self, size):
        self.size = size

    def __call__(self, img):
        h, w = img.shape[:2]
        top, left = (h - self.size) // 2, (w - self.size) // 2
        return img[top:top + self.size, left:left + self.size]


@register("hflip")
class HorizontalFlip:
    def __init__(self, p=0.5, seed=0):
        self.p = p
        self.rng = np.random.default_rng(seed)

    def __call__(self, img):
        return img[:, ::-1] if self.rng.random() < self.p else img


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img

    @classmethod
    def from_config(cls, specs):
        built = []
        for spec in specs:
            spec = dict(spec)
            built.append(TRANSFORMS[spec.pop("name")](**spec))
        return cls(built)


def decode(path_id, size=448):
    """Stand-in for np.asarray(PIL.Image.open(path).convert("RGB"))."""
    rng = np.random.default_rng(path_id)
    return rng.integers(0, 256, size=(size, size, 3), dtype=np.uint8)


class ImageFolderDataset:
    def __init__(self, n_images, config):
        self.n_images = n_images
        self.transform = Compose.from_config(config["transforms"])
        self.cache_in_memory = config.get("cache_in_memory", False)
        self._cache = {}

    def __len__(self):
        return self.n_images

    def __getitem__(self, index):
        cached = self._cache.get(index)
        if cached is not None:
            return cached, index % 10
        img = self.transform(decode(index))
        if self.cache_in_memory:
            self._cache[index] = img  # expect: VL002
        return img, index % 10


CONFIG = {
    "transforms": [{"name": "center_crop", "size": 128}, {"name": "hflip", "p": 0.5}],
    "cache_in_memory": True,
}


def scenario():
    ds = ImageFolderDataset(48, CONFIG)
    for _ in range(2):
        for i in range(len(ds)):
            ds[i]
    return ds._cache
