"""Online hard-example mining over a validation run: the highest-scoring false
positives of the whole set are kept in a heap for the review sheet."""
import heapq

import numpy as np


def decode_shard(rng, n_images, n_anchors=16000):
    for _ in range(n_images):
        centers = rng.uniform(0, 1024, size=(n_anchors, 2))
        sizes = rng.uniform(16, 256, size=(n_anchors, 2))
        boxes = np.concatenate([centers - sizes / 2, centers + sizes / 2], axis=1)
        scores = rng.beta(0.5, 4.0, size=n_anchors)
        yield boxes, scores


def iter_predictions(n_shards=4, images_per_shard=6, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n_shards):
        yield from decode_shard(rng, images_per_shard)


def overlaps_gt(box, gts):
    ix1 = np.maximum(box[0], gts[:, 0])
    iy1 = np.maximum(box[1], gts[:, 1])
    ix2 = np.minimum(box[2], gts[:, 2])
    iy2 = np.minimum(box[3], gts[:, 3])
    inter = np.clip(ix2 - ix1, 0, None) * np.clip(iy2 - iy1, 0, None)
    return bool((inter > 0).any())


def mine_false_positives(k=40, per_image=8):
    gts = np.array([[100.0, 100.0, 180.0, 200.0], [600.0, 300.0, 700.0, 420.0]])
    heap = []
    for image_id, (boxes, scores) in enumerate(iter_predictions()):
        top = np.argsort(scores)[::-1][:per_image]
        for i in top:
            if overlaps_gt(boxes[i], gts):
                continue
            heapq.heappush(heap, (float(scores[i]), image_id, int(i), boxes[i]))  # expect: VL002
            if len(heap) > k:
                heapq.heappop(heap)
    return sorted(heap, reverse=True)


def scenario():
    return mine_false_positives()
