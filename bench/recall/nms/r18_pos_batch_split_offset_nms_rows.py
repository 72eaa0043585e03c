"""Batched post-processing of an end-to-end detector export, after the ONNX
and TensorRT inference scripts whose model returns the detections of a whole
batch flattened into one `(sum(counts), 6)` array (x1, y1, x2, y2, score,
class) with a per-image count: the batch is cut per image with
`np.split(dets, np.cumsum(counts)[:-1])`, each image runs class-aware NMS
with the coordinate-offset trick (`boxes + classes[:, None] * max_wh`, as
torchvision's `batched_nms` does), and the surviving rows are kept per image
id for the report.  `np.split` pieces are views of the batch array, and so is
every row picked from them by an int index, so each kept image pins its whole
batch."""
import numpy as np


def run_batch(batch_index, batch_size, per_image, n_classes=20):
    rng = np.random.default_rng(batch_index)
    counts = rng.integers(per_image // 2, per_image, batch_size)
    total = int(counts.sum())
    xy = rng.uniform(0, 600, (total, 2))
    wh = rng.uniform(10, 120, (total, 2))
    dets = np.empty((total, 6))
    dets[:, :2] = xy
    dets[:, 2:4] = xy + wh
    dets[:, 4] = rng.beta(0.6, 4.0, total)
    dets[:, 5] = rng.integers(0, n_classes, total)
    return dets, counts


def iou_one_to_many(box, boxes):
    x1 = np.maximum(box[0], boxes[:, 0])
    y1 = np.maximum(box[1], boxes[:, 1])
    x2 = np.minimum(box[2], boxes[:, 2])
    y2 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def class_aware_nms(dets, iou_thr=0.5, max_det=5, pre_nms=300, max_wh=4096.0):
    # shift every class into its own region so one agnostic pass keeps classes apart
    boxes = dets[:, :4] + dets[:, 5:6] * max_wh
    order = dets[:, 4].argsort()[::-1][:pre_nms]
    keep = []
    while order.size > 0 and len(keep) < max_det:
        i = order[0]
        keep.append(i)
        ious = iou_one_to_many(boxes[i], boxes[order[1:]])
        order = order[1:][ious <= iou_thr]
    return keep


def postprocess(n_batches=16, batch_size=8, per_image=6000):
    results = {}
    for b in range(n_batches):
        dets, counts = run_batch(b, batch_size, per_image)
        pieces = np.split(dets, np.cumsum(counts)[:-1])
        for j, image_dets in enumerate(pieces):
            keep = class_aware_nms(image_dets)
            results[b * batch_size + j] = [image_dets[i] for i in keep]  # expect: VL002
    return results


def scenario():
    return postprocess()
