"""Greedy matching of detections to ground truth, as in VOC/COCO evaluation."""
import numpy as np

from boxes import box_iou


def match_image(preds, gts, iou_thresh=0.5):
    """preds: (P, 6) x1, y1, x2, y2, score, class; gts: (G, 4).

    Returns the true-positive detections (one per matched ground-truth box)
    and the scores of all detections with their TP flags."""
    order = np.argsort(-preds[:, 4])
    preds = preds[order]
    ious = box_iou(preds[:, :4], gts)
    taken = np.zeros(len(gts), dtype=bool)
    tp_flags = np.zeros(len(preds), dtype=bool)
    true_positives = []
    best_gt = ious.argmax(axis=1)
    best_iou = ious.max(axis=1)
    for j in np.flatnonzero(best_iou >= iou_thresh):
        g = int(best_gt[j])
        if not taken[g]:
            taken[g] = True
            tp_flags[j] = True
            true_positives.append(preds[j])  # expect: VL002
    return true_positives, preds[:, 4].tolist(), tp_flags
