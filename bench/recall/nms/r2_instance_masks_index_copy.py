"""Instance-segmentation post-processing: NMS per image, and the kept masks are
gathered with the index tensor before they are stored for evaluation."""
import torch
from torchvision.ops import nms


def fake_head(generator, n_props=48, size=128, n_classes=6):
    xy = torch.rand(n_props, 2, generator=generator) * 400
    boxes = torch.cat([xy, xy + 48 + torch.rand(n_props, 2, generator=generator) * 64], dim=1)
    scores = torch.rand(n_props, generator=generator)
    labels = torch.randint(0, n_classes, (n_props,), generator=generator)
    mask_logits = torch.randn(n_props, size, size, generator=generator)
    return boxes, scores, labels, mask_logits


def run_eval(n_images=10, max_det=3):
    g = torch.Generator().manual_seed(0)
    results = []
    for image_id in range(n_images):
        boxes, scores, labels, mask_logits = fake_head(g)
        keep = nms(boxes, scores, 0.5)[:max_det]
        probs = mask_logits.sigmoid()
        results.append({
            "image_id": image_id,
            "boxes": boxes[keep],
            "labels": labels[keep],
            "masks": probs[keep],
        })
    return results


def scenario():
    return run_eval()
