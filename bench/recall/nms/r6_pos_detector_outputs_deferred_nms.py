"""Batched inference with a YOLO-style head, post-processed afterwards.

The evaluation script first runs the model over every batch and keeps the raw
outputs (`outs = [model(b) for b in batches]`), then walks the outputs image by
image: class scores are reduced to one confidence, `batched_nms` picks the
survivors, and the script keeps the decoded boxes, confidences and the keep
indices so the COCO writer can filter them later (`.detach().cpu()` on the way,
as the same script also runs on GPU)."""
import torch
from torchvision.ops import batched_nms


class TinyDetector(torch.nn.Module):
    """Stand-in for the network: (B, 3, H, W) -> (B, anchors, 4 + 1 + classes)."""

    def __init__(self, n_anchors=8400, n_classes=80):
        super().__init__()
        self.n_anchors = n_anchors
        self.n_classes = n_classes
        self.proj = torch.nn.Linear(3, 5 + n_classes)

    def forward(self, images):
        b = images.shape[0]
        pooled = images.mean(dim=(2, 3))  # (B, 3)
        base = self.proj(pooled)[:, None, :]  # (B, 1, 85)
        noise = torch.rand(b, self.n_anchors, 5 + self.n_classes)
        out = noise + 0.01 * base
        out[..., :2] *= 600.0
        out[..., 2:4] = out[..., :2] + 8.0 + 40.0 * out[..., 2:4]
        return out


def make_batches(n_batches=3, batch_size=4, size=64, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.rand(batch_size, 3, size, size, generator=g) for _ in range(n_batches)]


@torch.no_grad()
def predict(model, batches, conf_thr=0.9, iou_thr=0.6):
    model.eval()
    outs = [model(b) for b in batches]
    per_image = []
    for out in outs:
        for pred in out:
            boxes = pred[:, :4]
            obj = pred[:, 4]
            cls_conf, cls_id = pred[:, 5:].max(dim=1)
            conf = obj * cls_conf
            cand = torch.nonzero(conf > conf_thr).squeeze(1)
            keep = cand[batched_nms(boxes[cand], conf[cand], cls_id[cand], iou_thr)]
            per_image.append({
                "boxes": boxes.detach().cpu(),  # expect: VL001
                "keep": keep,
            })
    return per_image


def scenario():
    torch.manual_seed(0)
    return predict(TinyDetector(), make_batches())
