"""Class-aware greedy NMS (py-faster-rcnn's py_cpu_nms), applied per class
and per image; the kept detections are gathered with one fancy index."""
import numpy as np


def py_cpu_nms(dets, thresh):
    x1, y1, x2, y2, scores = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3], dets[:, 4]
    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(x1[i], x1[order[1:]])
        yy1 = np.maximum(y1[i], y1[order[1:]])
        xx2 = np.minimum(x2[i], x2[order[1:]])
        yy2 = np.minimum(y2[i], y2[order[1:]])
        w = np.maximum(0.0, xx2 - xx1 + 1)
        h = np.maximum(0.0, yy2 - yy1 + 1)
        inter = w * h
        ovr = inter / (areas[i] + areas[order[1:]] - inter)
        inds = np.where(ovr <= thresh)[0]
        order = order[inds + 1]
    return keep


def postprocess(boxes, scores, num_classes, nms_thresh=0.3, max_per_image=100):
    all_dets = []
    for c in range(1, num_classes):
        cls_boxes = boxes[:, c * 4:(c + 1) * 4]
        cls_scores = scores[:, c]
        dets = np.hstack((cls_boxes, cls_scores[:, None]))
        keep = py_cpu_nms(dets, nms_thresh)
        all_dets.append(dets[keep, :])
    dets = np.vstack(all_dets)
    if len(dets) > max_per_image:
        dets = dets[np.argsort(-dets[:, 4])[:max_per_image]]
    return dets


def scenario():
    rng = np.random.default_rng(0)
    num_classes = 6
    results = []
    for _ in range(6):
        xy = rng.uniform(0, 600, size=(3000, num_classes, 2))
        wh = rng.uniform(10, 100, size=(3000, num_classes, 2))
        boxes = np.concatenate([xy, xy + wh], axis=2).reshape(3000, num_classes * 4)
        scores = rng.uniform(0, 1, size=(3000, num_classes))
        results.append(postprocess(boxes, scores, num_classes))
    return results
