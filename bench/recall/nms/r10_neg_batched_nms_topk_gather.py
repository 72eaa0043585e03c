"""Class-aware NMS with torchvision.ops.batched_nms over a YOLO-style prediction
tensor, as in the post-processing functions of detection repositories: per image
the candidates above the confidence threshold are gathered, `batched_nms` gives
the kept indices in score order, and the first `max_det` of them gather the final
rows.  Every step that selects rows is a gather (a boolean mask, an index
tensor), so what is kept per image is a copy that owns only the kept rows."""
import torch
from torchvision.ops import batched_nms


def head_outputs(gen, n_anchors=8400, n_classes=80):
    xy = torch.rand(n_anchors, 2, generator=gen) * 600
    wh = torch.rand(n_anchors, 2, generator=gen) * 60 + 4
    obj = torch.rand(n_anchors, 1, generator=gen)
    cls = torch.rand(n_anchors, n_classes, generator=gen)
    return torch.cat([xy, xy + wh, obj, cls], dim=1)


def postprocess(pred, conf_thres=0.25, iou_thres=0.45, max_det=100):
    conf, labels = (pred[:, 5:] * pred[:, 4:5]).max(dim=1)
    mask = conf > conf_thres
    boxes, conf, labels = pred[mask, :4], conf[mask], labels[mask]
    keep = batched_nms(boxes, conf, labels, iou_thres)[:max_det]
    return torch.cat([boxes[keep], conf[keep, None], labels[keep, None].float()], dim=1)


def scenario():
    gen = torch.Generator().manual_seed(0)
    results = []
    for _ in range(24):
        pred = head_outputs(gen)
        results.append(postprocess(pred))
    return results
