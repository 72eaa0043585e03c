"""Radius-based non-maximum suppression of keypoints with a k-d tree, after the
`KDT_NMS` / point-NMS helpers of image-stitching and SLAM front-ends: the
detector gives, per image, keypoint positions, responses and one descriptor
row per keypoint; the points are visited in response order and every
neighbour found by `scipy.spatial.cKDTree.query_ball_point` inside the radius
is suppressed.  The map keeps, for each surviving keypoint, its position and
its descriptor `desc[i]` for later matching: `desc` is a new
`(n_points, 128)` array per image (normalised in place), so each kept row pins
the image's whole descriptor block."""
import numpy as np
from scipy.spatial import cKDTree


def detect(image_id, n_points=6000, dim=128, size=(480, 640)):
    rng = np.random.default_rng(image_id)
    pts = rng.uniform((0, 0), size, size=(n_points, 2))
    responses = rng.random(n_points)
    desc = rng.standard_normal((n_points, dim)).astype(np.float32)
    desc /= np.linalg.norm(desc, axis=1, keepdims=True)
    return pts, responses, desc


def radius_nms(pts, responses, radius=12.0, max_keep=40):
    tree = cKDTree(pts)
    order = np.argsort(-responses)
    suppressed = np.zeros(len(pts), dtype=bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        if len(keep) == max_keep:
            break
        for j in tree.query_ball_point(pts[i], r=radius):
            suppressed[j] = True
    return keep


class KeypointMap:
    def __init__(self):
        self.positions = []
        self.descriptors = []

    def add_image(self, image_id):
        pts, responses, desc = detect(image_id)
        for i in radius_nms(pts, responses):
            self.positions.append((image_id, float(pts[i, 0]), float(pts[i, 1])))
            self.descriptors.append(desc[i])  # expect: VL002
        return len(self.descriptors)


def scenario(n_images=16):
    kmap = KeypointMap()
    for image_id in range(n_images):
        kmap.add_image(image_id)
    return kmap
