"""YOLOX-style postprocessing picked from a registry by name.  Each registered
postprocessor subclasses a base that decodes the raw head output, sorts the
candidates by score and runs a greedy class-aware NMS.  For the debug viewer
the base keeps the top pre-NMS candidates of every image, keyed by image id."""
from collections import defaultdict

import torch

POSTPROCESSORS = {}


def register_postprocess(name):
    def deco(cls):
        POSTPROCESSORS[name] = cls
        return cls
    return deco


def box_iou(a, b):
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter + 1e-9)


class BasePostprocess:
    def __init__(self, conf_thre=0.3, nms_thre=0.5, pre_nms_topk=64, max_det=100):
        self.conf_thre = conf_thre
        self.nms_thre = nms_thre
        self.pre_nms_topk = pre_nms_topk
        self.max_det = max_det
        self.candidates = defaultdict(list)

    def decode(self, prediction):
        raise NotImplementedError

    def suppress(self, dets):
        top = dets[: self.pre_nms_topk * 4]
        # offset boxes per class so that one NMS pass never mixes classes
        offsets = top[:, 6:7] * 4096.0
        boxes = top[:, :4] + offsets
        ious = box_iou(boxes, boxes)
        keep = []
        suppressed = torch.zeros(len(top), dtype=torch.bool)
        for i in range(len(top)):
            if suppressed[i]:
                continue
            keep.append(i)
            if len(keep) == self.max_det:
                break
            suppressed |= ious[i] > self.nms_thre
        return torch.tensor(keep, dtype=torch.long)

    def __call__(self, image_id, prediction):
        dets = self.decode(prediction)
        if dets.size(0) == 0:
            return dets
        order = dets[:, 4].argsort(descending=True)
        dets = dets[order]
        self.candidates[image_id].append(dets[: self.pre_nms_topk])  # expect: VL001
        keep = self.suppress(dets)
        return dets[keep]


@register_postprocess("yolox")
class YoloxPostprocess(BasePostprocess):
    def decode(self, prediction):
        box_corner = prediction.new(prediction.shape)
        box_corner[:, 0] = prediction[:, 0] - prediction[:, 2] / 2
        box_corner[:, 1] = prediction[:, 1] - prediction[:, 3] / 2
        box_corner[:, 2] = prediction[:, 0] + prediction[:, 2] / 2
        box_corner[:, 3] = prediction[:, 1] + prediction[:, 3] / 2
        prediction[:, :4] = box_corner[:, :4]
        class_conf, class_pred = torch.max(prediction[:, 5:], 1, keepdim=True)
        conf_mask = (prediction[:, 4] * class_conf.squeeze(1) >= self.conf_thre)
        dets = torch.cat((prediction[:, :5], class_conf, class_pred.float()), 1)
        return dets[conf_mask]


def fake_head_outputs(n_images, n_anchors=120000, num_classes=8, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n_images):
        xy = torch.rand(n_anchors, 2, generator=g) * 640
        wh = torch.rand(n_anchors, 2, generator=g) * 60 + 4
        obj = torch.rand(n_anchors, 1, generator=g)
        cls = torch.rand(n_anchors, num_classes, generator=g)
        yield torch.cat([xy, wh, obj, cls], 1)


def run(config):
    post = POSTPROCESSORS[config["name"]](**config.get("kwargs", {}))
    results = []
    with torch.no_grad():
        for image_id, prediction in enumerate(fake_head_outputs(config["n_images"])):
            results.append(post(image_id, prediction))
    return post, results


def scenario():
    post, results = run({"name": "yolox", "n_images": 10, "kwargs": {"conf_thre": 0.2}})
    return dict(post.candidates), results
