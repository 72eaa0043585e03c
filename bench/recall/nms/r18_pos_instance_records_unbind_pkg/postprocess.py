"""Mask R-CNN-style post-processing: the mask head's per-instance
probability maps of one image come out as one `(n, H, W)` tensor; the
instances whose score passes the threshold become `Instance` records, each
holding its own map taken with `masks.unbind(0)`."""
import torch

from records import Instance


def to_instances(image_id, boxes, scores, labels, masks, score_thr=0.9):
    out = []
    for box, score, label, mask in zip(boxes.tolist(), scores.tolist(),
                                       labels.tolist(), masks.unbind(0)):
        if score < score_thr:
            continue
        out.append(Instance(image_id, int(label), float(score), tuple(box), mask))
    return out
