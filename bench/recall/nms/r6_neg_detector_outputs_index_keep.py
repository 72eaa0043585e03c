"""Batched inference, then per-image NMS over the kept raw outputs, as a
detection evaluation script does it: the model runs over every batch first
(`outs = [model(b) for b in batches]`), then each image's rows are filtered by
confidence, `batched_nms` picks the survivors and the script keeps only the
surviving rows (`pred[keep, :6]`, an index gather), moved to the CPU."""
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
        pooled = images.mean(dim=(2, 3))
        base = self.proj(pooled)[:, None, :]
        noise = torch.rand(b, self.n_anchors, 5 + self.n_classes)
        out = noise + 0.01 * base
        out[..., :2] *= 600.0
        out[..., 2:4] = out[..., :2] + 8.0 + 40.0 * out[..., 2:4]
        return out


def make_batches(n_batches=3, batch_size=4, size=64, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.rand(batch_size, 3, size, size, generator=g) for _ in range(n_batches)]


@torch.no_grad()
def predict(model, batches, conf_thr=0.9, iou_thr=0.6, max_det=100):
    model.eval()
    outs = list(map(model, batches))
    detections = []
    for out in outs:
        for pred in out:
            cls_conf, cls_id = pred[:, 5:].max(dim=1)
            conf = pred[:, 4] * cls_conf
            cand = torch.nonzero(conf > conf_thr).squeeze(1)
            keep = cand[batched_nms(pred[cand, :4], conf[cand], cls_id[cand], iou_thr)][:max_det]
            rows = pred[keep, :6].detach().cpu()
            rows[:, 5] = cls_id[keep].float()
            detections.append(rows)
    return detections


def scenario():
    torch.manual_seed(0)
    return predict(TinyDetector(), make_batches())
