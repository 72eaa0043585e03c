"""Batched post-processing of a YOLO-like head: per image, confidence filter,
class-aware NMS with torchvision, then the kept detections are moved to NumPy
and stored per image id for the JSON export.  The kept rows come out of
advanced indexing, so each stored array owns its data."""
import torch
import torchvision


class YoloLikePostprocess:
    def __init__(self, conf_thres=0.25, iou_thres=0.45, max_det=300, agnostic=False):
        self.conf_thres = conf_thres
        self.iou_thres = iou_thres
        self.max_det = max_det
        self.agnostic = agnostic

    def per_image(self, pred):
        obj = pred[:, 4]
        cls_conf, cls_id = pred[:, 5:].max(dim=1)
        conf = obj * cls_conf
        keep_mask = conf > self.conf_thres
        if not keep_mask.any():
            return None
        boxes = pred[keep_mask, :4]
        conf, cls_id = conf[keep_mask], cls_id[keep_mask]
        groups = torch.zeros_like(cls_id) if self.agnostic else cls_id
        keep = torchvision.ops.batched_nms(boxes, conf, groups, self.iou_thres)[: self.max_det]
        return torch.cat([boxes[keep], conf[keep, None], cls_id[keep, None].float()], dim=1)

    def __call__(self, preds, image_ids, sink):
        with torch.no_grad():
            for image_id, pred in zip(image_ids, preds):
                dets = self.per_image(pred)
                if dets is None:
                    continue
                sink[image_id] = dets.detach().cpu().numpy()
        return sink


def fake_batches(n_batches, batch_size=4, n_anchors=8000, n_classes=30, seed=0):
    g = torch.Generator().manual_seed(seed)
    for b in range(n_batches):
        xy = torch.rand(batch_size, n_anchors, 2, generator=g) * 640
        wh = torch.rand(batch_size, n_anchors, 2, generator=g) * 60 + 5
        rest = torch.rand(batch_size, n_anchors, 1 + n_classes, generator=g) ** 3
        yield list(range(b * batch_size, (b + 1) * batch_size)), torch.cat([xy, xy + wh, rest], dim=2)


def scenario():
    post = YoloLikePostprocess(conf_thres=0.3)
    results = {}
    for ids, preds in fake_batches(8):
        post(preds, ids, results)
    return results
