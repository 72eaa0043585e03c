"""Per-image detection cache for an annotation tool, after detection-serving
code: a `dict` subclass whose `__missing__` runs the detector the first time an
image id is looked up, applies torchvision's `batched_nms`, and stores the top
`max_det` detections with a chained assignment (`top = self[key] = ...`).
The survivors are gathered with the keep index (a new tensor) and then only
sliced, so each cached top-k pins all of that image's survivors."""
import torch
from torchvision.ops import batched_nms


class DenseDetector(torch.nn.Module):
    def __init__(self, n_anchors=30000, n_classes=20, canvas=4000.0):
        super().__init__()
        self.n_anchors = n_anchors
        self.n_classes = n_classes
        self.canvas = canvas
        self.scale = torch.nn.Parameter(torch.ones(1))

    @torch.no_grad()
    def forward(self, image_id):
        g = torch.Generator().manual_seed(int(image_id))
        xy = torch.rand(self.n_anchors, 2, generator=g) * self.canvas
        wh = 8 + 32 * torch.rand(self.n_anchors, 2, generator=g)
        boxes = torch.cat([xy, xy + wh], dim=1) * self.scale
        scores = torch.rand(self.n_anchors, generator=g)
        labels = torch.randint(0, self.n_classes, (self.n_anchors,), generator=g)
        return boxes, scores, labels


class DetectionCache(dict):
    def __init__(self, detector, iou_thres=0.5, max_det=100):
        super().__init__()
        self.detector = detector
        self.iou_thres = iou_thres
        self.max_det = max_det

    def __missing__(self, image_id):
        boxes, scores, labels = self.detector(image_id)
        keep = batched_nms(boxes, scores, labels, self.iou_thres)
        dets = torch.cat([boxes, scores[:, None], labels[:, None].float()], dim=1)[keep]
        top = self[image_id] = dets[: self.max_det]  # expect: VL002
        return top


def annotate(cache, image_ids):
    summary = []
    for image_id in image_ids:
        dets = cache[image_id]
        summary.append((image_id, int(dets.shape[0]), float(dets[:, 4].mean())))
    return summary


def scenario():
    cache = DetectionCache(DenseDetector())
    summary = annotate(cache, range(24))
    return cache, summary
