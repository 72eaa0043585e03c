"""Detection training loop with the torchvision-references collate `tuple(zip(*batch))`: each sample
is a random 256x256 crop (a view) of a new 3x320x320 float32 image with its target dict of boxes.
Per batch the loop keeps a preview grid of the first two images made by
`np.stack([im[:, ::4, ::4] for im in images[:2]])`, and the boxes of every target.  `np.stack` copies
the small strided views into a new array, and the boxes are new arrays kept whole, so nothing kept
shows an image.  Written after the detection reference scripts (`utils.collate_fn` returning
`tuple(zip(*batch))`, `for images, targets in data_loader`) and the image-grid logging of their
training loops."""
import numpy as np


def collate_fn(batch):
    return tuple(zip(*batch))


class RandomCropDetection:
    def __init__(self, n_items, size=320, crop=256, seed=0):
        self.n_items = n_items
        self.size = size
        self.crop = crop
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return self.n_items

    def __getitem__(self, idx):
        image = self.rng.random((3, self.size, self.size), dtype=np.float32)
        y, x = self.rng.integers(0, self.size - self.crop, size=2)
        n_boxes = int(self.rng.integers(1, 20))
        xy = self.rng.random((n_boxes, 2)) * (self.crop - 32)
        boxes = np.concatenate([xy, xy + 32], axis=1)
        target = {"boxes": boxes, "labels": self.rng.integers(0, 80, size=n_boxes), "image_id": idx}
        return image[:, y:y + self.crop, x:x + self.crop], target


def simple_loader(dataset, batch_size, collate):
    for start in range(0, len(dataset), batch_size):
        yield collate([dataset[i] for i in range(start, min(start + batch_size, len(dataset)))])


def scenario(n_items=480, batch_size=8):
    ds = RandomCropDetection(n_items)
    grids, all_boxes = [], []
    for images, targets in simple_loader(ds, batch_size, collate_fn):
        grids.append(np.stack([im[:, ::4, ::4] for im in images[:2]]))
        all_boxes.extend(t["boxes"] for t in targets)
    return grids, all_boxes
