"""COCO-style per-image evaluation: for every image and category the
evaluator sorts the detections by score, matches the top max_det of them to
the ground truth at several IoU thresholds and keeps a per-image record that
accumulate() later concatenates into precision/recall tables."""
import numpy as np


def box_iou(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = np.prod(a[:, 2:] - a[:, :2], axis=1)
    area_b = np.prod(b[:, 2:] - b[:, :2], axis=1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


class ImageEvaluator:
    def __init__(self, iou_thrs=(0.5, 0.75), max_det=100):
        self.iou_thrs = np.asarray(iou_thrs)
        self.max_det = max_det
        self.eval_imgs = []

    def evaluate_image(self, image_id, gt_boxes, dt_boxes, dt_scores):
        order = np.argsort(-dt_scores, kind="mergesort")
        dt_sorted = dt_boxes[order]
        scores_sorted = dt_scores[order]
        ious = box_iou(dt_sorted[: self.max_det], gt_boxes)
        matched = np.zeros((len(self.iou_thrs), min(self.max_det, len(order))), dtype=bool)
        for t, thr in enumerate(self.iou_thrs):
            taken = np.zeros(len(gt_boxes), dtype=bool)
            for d, row in enumerate(ious):
                cand = np.where(~taken & (row >= thr))[0]
                if len(cand):
                    taken[cand[row[cand].argmax()]] = True
                    matched[t, d] = True
        return {
            "image_id": image_id,
            "dt_scores": scores_sorted[: self.max_det],  # expect: VL001
            "dt_matched": matched,
            "num_gt": len(gt_boxes),
        }

    def evaluate(self, images):
        for image_id, (gt, dt, sc) in enumerate(images):
            self.eval_imgs.append(self.evaluate_image(image_id, gt, dt, sc))
        return self

    def accumulate(self):
        scores = np.concatenate([e["dt_scores"] for e in self.eval_imgs])
        tps = np.concatenate([e["dt_matched"] for e in self.eval_imgs], axis=1)
        order = np.argsort(-scores, kind="mergesort")
        n_gt = sum(e["num_gt"] for e in self.eval_imgs)
        return np.cumsum(tps[:, order], axis=1) / max(n_gt, 1)


def synthetic_images(n_images, n_dets=40000, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n_images):
        gxy = rng.uniform(0, 500, size=(8, 2))
        gt = np.hstack([gxy, gxy + 40.0])
        dxy = rng.uniform(0, 500, size=(n_dets, 2))
        dxy[:8] = gxy + rng.normal(0, 3, size=(8, 2))
        dt = np.hstack([dxy, dxy + 40.0])
        yield gt, dt, rng.uniform(size=n_dets)


def scenario():
    ev = ImageEvaluator().evaluate(synthetic_images(40))
    ev.accumulate()
    return ev.eval_imgs
