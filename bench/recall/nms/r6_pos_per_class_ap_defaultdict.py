"""Per-class average-precision evaluation over a validation set.

Each image's head output is decoded into rows (x1, y1, x2, y2, score, label);
the box format of the exported model is chosen with a `match` statement.  A
greedy NMS with an index loop runs per image, and the surviving rows are
collected per class across the whole set (`defaultdict(list)`) to compute AP
at the end.  Images whose output cannot be decoded are skipped and counted."""
from collections import defaultdict

import numpy as np


class DecodeError(ValueError):
    pass


def decode(raw, box_format):
    if raw.ndim != 2 or raw.shape[1] < 6:
        raise DecodeError("bad head output %r" % (raw.shape,))
    match box_format:
        case "xyxy":
            return raw
        case "cxcywh":
            out = raw.copy()
            out[:, 0] = raw[:, 0] - raw[:, 2] / 2
            out[:, 1] = raw[:, 1] - raw[:, 3] / 2
            out[:, 2] = raw[:, 0] + raw[:, 2] / 2
            out[:, 3] = raw[:, 1] + raw[:, 3] / 2
            return out
        case _:
            raise DecodeError("unknown format " + box_format)


def iou(box, boxes):
    xx1 = np.maximum(box[0], boxes[:, 0])
    yy1 = np.maximum(box[1], boxes[:, 1])
    xx2 = np.minimum(box[2], boxes[:, 2])
    yy2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
    a = (box[2] - box[0]) * (box[3] - box[1])
    b = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (a + b - inter + 1e-9)


def greedy_nms(dets, iou_thr, top_k):
    order = np.argsort(dets[:, 4])[::-1][:top_k]
    suppressed = np.zeros(len(order), dtype=bool)
    keep = []
    i = 0
    while i < len(order):
        if not suppressed[i]:
            keep.append(order[i])
            rest = order[i + 1:]
            same = dets[rest, 5] == dets[order[i], 5]
            suppressed[i + 1:] |= same & (iou(dets[order[i]], dets[rest]) > iou_thr)
        i += 1
    return keep


def head_outputs(n_images, n_rows, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n_images):
        cxcy = rng.uniform(50, 590, size=(n_rows, 2))
        wh = rng.uniform(10, 90, size=(n_rows, 2))
        score = rng.random((n_rows, 1))
        label = rng.integers(0, 20, size=(n_rows, 1)).astype(np.float64)
        yield np.hstack([cxcy, wh, score, label])


def evaluate(n_images=8, n_rows=60000, box_format="cxcywh", iou_thr=0.5, top_k=150):
    by_class = defaultdict(list)
    skipped = 0
    for raw in head_outputs(n_images, n_rows):
        try:
            dets = decode(raw, box_format)
        except DecodeError:
            skipped += 1
            continue
        for j in greedy_nms(dets, iou_thr, top_k):
            by_class[int(dets[j, 5])].append(dets[j, :5])  # expect: VL001
    return dict(by_class), skipped


def scenario():
    return evaluate()
