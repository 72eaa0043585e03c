"""Adaptive tiled inference on a large aerial image, as in the slicing-aided
small-object detection tools and their forks that split crowded tiles further:
a tile whose detection count passes a crowd limit is cut into four quadrants and
searched again (recursion over a quadtree, at most `max_depth` deep); a leaf tile
runs a greedy NMS and hands its best three rows to the shared result list with
`out.extend(dets[k] for k in keep[:3])`.  The detector makes a new (N, 6 + 32)
array per tile (boxes, score, class and mask coefficients); each kept row is a
view of it, so the result pins every leaf tile's whole prediction array."""
import numpy as np


def tile_head(tile, rng, n_coef=32):
    """Stand-in for the detector: denser tiles give more candidates."""
    n = int(400 + 2400 * float(tile.mean()))
    h, w = tile.shape[:2]
    xy = rng.uniform(0, [w, h], size=(n, 2))
    wh = rng.uniform(0.15, 0.4, size=(n, 2)) * [w, h]
    score = rng.random((n, 1))
    cls = rng.integers(0, 15, size=(n, 1)).astype(np.float64)
    coef = rng.standard_normal((n, n_coef))
    return np.hstack([xy, xy + wh, score, cls, coef])


def nms_indices(dets, thr=0.45):
    boxes = dets[:, :4]
    order = np.argsort(-dets[:, 4])
    keep = []
    while len(order):
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        lt = np.maximum(boxes[i, :2], boxes[rest, :2])
        rb = np.minimum(boxes[i, 2:], boxes[rest, 2:])
        inter = np.prod(np.clip(rb - lt, 0, None), axis=1)
        area_i = np.prod(boxes[i, 2:] - boxes[i, :2])
        area_r = np.prod(boxes[rest, 2:] - boxes[rest, :2], axis=1)
        order = rest[inter / (area_i + area_r - inter) < thr]
    return keep


class QuadTreeSearch:
    def __init__(self, image, crowd=700, max_depth=3, seed=0):
        self.image = image
        self.crowd = crowd
        self.max_depth = max_depth
        self.rng = np.random.default_rng(seed)

    def search(self, x0, y0, size, out, depth=0):
        tile = self.image[y0:y0 + size, x0:x0 + size]
        dets = tile_head(tile, self.rng)
        if depth < self.max_depth and len(dets) > self.crowd:
            half = size // 2
            for dy in (0, half):
                for dx in (0, half):
                    self.search(x0 + dx, y0 + dy, half, out, depth + 1)
            return out
        dets[:, [0, 2]] += x0
        dets[:, [1, 3]] += y0
        keep = nms_indices(dets)
        out.extend(dets[k] for k in keep[:3])  # expect: VL002
        return out


def scenario():
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:1024, 0:1024] / 1024.0
    image = np.clip(np.sin(6 * xx) * np.cos(5 * yy) + rng.random((1024, 1024)) * 0.3, 0, 1)
    return QuadTreeSearch(image).search(0, 0, 1024, [])
