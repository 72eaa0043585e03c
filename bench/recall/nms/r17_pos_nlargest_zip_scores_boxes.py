"""Per-image top-k box selection with `heapq.nlargest` over `zip(scores,
boxes)`, after the lightweight post-processing helpers of detection demos and
annotation tools that skip a full argsort: the head's regression output is
decoded to an `(n, 4)` xyxy array for each image, the `max_det` best
(score, box) pairs are picked by `heapq.nlargest(..., key=...)`, and the boxes
are kept per image id.  Iterating a 2-D array hands out its rows as views, so
each kept box is a view of that image's whole decoded array."""
import heapq

import numpy as np


def decode(deltas, anchors):
    cx = anchors[:, 0] + deltas[:, 0] * anchors[:, 2]
    cy = anchors[:, 1] + deltas[:, 1] * anchors[:, 3]
    w = anchors[:, 2] * np.exp(deltas[:, 2])
    h = anchors[:, 3] * np.exp(deltas[:, 3])
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)


def fake_head(image_id, n):
    rng = np.random.default_rng(image_id)
    deltas = rng.normal(0, 0.1, (n, 4))
    logits = rng.normal(-3, 1.5, n)
    return deltas, 1.0 / (1.0 + np.exp(-logits))


def postprocess(anchors, image_ids, max_det=10):
    results = {}
    for image_id in image_ids:
        deltas, scores = fake_head(image_id, anchors.shape[0])
        boxes = decode(deltas, anchors)
        top = heapq.nlargest(max_det, zip(scores, boxes), key=lambda sb: sb[0])
        results[image_id] = [box for _, box in top]  # expect: VL002
    return results


def scenario(n_anchors=40000, n_images=30):
    rng = np.random.default_rng(0)
    anchors = np.column_stack([rng.uniform(0, 640, (n_anchors, 2)),
                               rng.uniform(8, 128, (n_anchors, 2))])
    return postprocess(anchors, range(n_images))
