"""Instance-segmentation post-processing (Mask R-CNN style heads): per image,
NMS on the boxes, then the kept instances' masks are grouped by class for the
per-class mask AP."""
import torch
from torchvision.ops import nms


def fake_head(generator, n_props=48, size=128, n_classes=6):
    xy = torch.rand(n_props, 2, generator=generator) * 400
    boxes = torch.cat([xy, xy + 48 + torch.rand(n_props, 2, generator=generator) * 64], dim=1)
    scores = torch.rand(n_props, generator=generator)
    labels = torch.randint(0, n_classes, (n_props,), generator=generator)
    mask_logits = torch.randn(n_props, size, size, generator=generator)
    return boxes, scores, labels, mask_logits


def postprocess(boxes, scores, labels, mask_logits, iou_thr=0.5, max_det=3):
    keep = nms(boxes, scores, iou_thr)[:max_det]
    masks = mask_logits.sigmoid() > 0.5
    return keep, masks


def collect_masks(n_images=10):
    g = torch.Generator().manual_seed(0)
    masks_by_class = {}
    for image_id in range(n_images):
        boxes, scores, labels, mask_logits = fake_head(g)
        keep, masks = postprocess(boxes, scores, labels, mask_logits)
        probs = mask_logits.sigmoid()
        for idx in keep.tolist():
            cls = int(labels[idx])
            masks_by_class.setdefault(cls, []).append((image_id, probs[idx]))  # expect: VL002
    return masks_by_class


def scenario():
    return collect_masks()
