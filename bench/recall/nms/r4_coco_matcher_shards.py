"""Greedy COCO-style matching of detections to ground truth over a dataset
read from several result shards (chained with yield from).  Matched boxes are
collected in a dataclass for the localisation-error breakdown plotted after
the evaluation; images without ground truth are skipped early."""
import itertools
from dataclasses import dataclass, field

import numpy as np


@dataclass
class MatchState:
    iou_thr: float = 0.5
    matched_boxes: list = field(default_factory=list)
    matched_ious: list = field(default_factory=list)
    n_gt: int = 0
    n_fp: int = 0


def box_iou(gt, boxes):
    lt = np.maximum(gt[:, None, :2], boxes[None, :, :2])
    rb = np.minimum(gt[:, None, 2:], boxes[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_g = (gt[:, 2] - gt[:, 0]) * (gt[:, 3] - gt[:, 1])
    area_b = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area_g[:, None] + area_b[None, :] - inter)


def read_shard(shard_seed, n_images, n_dets=80000, n_gt=12):
    rng = np.random.default_rng(shard_seed)
    for image_idx in range(n_images):
        if image_idx % 4 == 3:
            yield np.zeros((0, 4)), rng.uniform(size=(10, 6))
            continue
        gt_xy = rng.uniform(0, 600, size=(n_gt, 2))
        gt = np.hstack([gt_xy, gt_xy + rng.uniform(20, 80, size=(n_gt, 2))])
        xy = rng.uniform(0, 600, size=(n_dets, 2))
        dets = np.hstack([xy, xy + rng.uniform(20, 80, size=(n_dets, 2)),
                          rng.uniform(size=(n_dets, 1)), rng.integers(0, 5, size=(n_dets, 1))])
        yield gt, dets


def iter_results(shard_seeds, images_per_shard):
    for seed in shard_seeds:
        yield from read_shard(seed, images_per_shard)


def evaluate(results, state):
    for gt, dets in results:
        if len(gt) == 0:
            state.n_fp += len(dets)
            continue
        state.n_gt += len(gt)
        dets = dets[np.argsort(-dets[:, 4], kind="stable")]
        ious = box_iou(gt, dets[:, :4])
        taken = np.zeros(len(dets), dtype=bool)
        for g in range(len(gt)):
            row = np.where(taken, -1.0, ious[g])
            j = int(row.argmax())
            if row[j] < state.iou_thr:
                continue
            taken[j] = True
            state.matched_boxes.append(dets[j, :4])  # expect: VL001
            state.matched_ious.append(float(row[j]))
        state.n_fp += int((~taken).sum())
    return state


def scenario():
    state = MatchState(iou_thr=0.3)
    evaluate(itertools.islice(iter_results([1, 2, 3], 4), 10), state)
    return state
