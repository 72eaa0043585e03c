"""Per-class matching of detections to ground truth after class-aware NMS, with
`torchvision.ops.batched_nms` and `torchvision.ops.box_iou`, as in the
evaluation utilities of detection training repositories: for each image the
survivors of `batched_nms` are grouped by `labels[keep].unique()`, the IoU
matrix of that class's detections against that class's ground truth is
computed, and for a later sweep over IoU thresholds the evaluator keeps, per
class, the IoU row of the class's top-scoring detection:
`per_class.setdefault(c, []).append(ious[top])`.  `ious[top]` is a row of a new
(detections x ground truth) matrix: each kept row pins its whole matrix."""
import torch
from torchvision.ops import batched_nms, box_iou


def random_boxes(n, g, size=1000.0):
    xy = torch.rand(n, 2, generator=g) * size
    wh = torch.rand(n, 2, generator=g) * 0.05 * size + 2.0
    return torch.cat([xy, xy + wh], dim=1)


def fake_image(seed, n_pred=6000, n_gt=2000, n_classes=8):
    g = torch.Generator().manual_seed(seed)
    return {
        "boxes": random_boxes(n_pred, g),
        "scores": torch.rand(n_pred, generator=g),
        "labels": torch.randint(0, n_classes, (n_pred,), generator=g),
        "gt_boxes": random_boxes(n_gt, g),
        "gt_labels": torch.randint(0, n_classes, (n_gt,), generator=g),
    }


def collect_iou_rows(images, iou_thr=0.7):
    per_class = {}
    for img in images:
        keep = batched_nms(img["boxes"], img["scores"], img["labels"], iou_thr)
        kept_labels = img["labels"][keep]
        for c in kept_labels.unique().tolist():
            cls_keep = keep[kept_labels == c]
            gt = img["gt_boxes"][img["gt_labels"] == c]
            if gt.numel() == 0:
                continue
            ious = box_iou(img["boxes"][cls_keep], gt)
            top = int(img["scores"][cls_keep].argmax())
            per_class.setdefault(c, []).append(ious[top])  # expect: VL002
    return per_class


def scenario():
    return collect_iou_rows(fake_image(s) for s in range(5))
