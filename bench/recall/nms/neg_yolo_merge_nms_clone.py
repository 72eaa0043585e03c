"""Weighted-merge NMS (YOLOv3 style) where each merged box is cloned out of
the shrinking candidate tensor before the tensor is filtered again."""
import torch


def bbox_iou(box1, box2):
    inter_x1 = torch.max(box1[:, 0], box2[:, 0])
    inter_y1 = torch.max(box1[:, 1], box2[:, 1])
    inter_x2 = torch.min(box1[:, 2], box2[:, 2])
    inter_y2 = torch.min(box1[:, 3], box2[:, 3])
    inter = (inter_x2 - inter_x1).clamp(min=0) * (inter_y2 - inter_y1).clamp(min=0)
    area1 = (box1[:, 2] - box1[:, 0]) * (box1[:, 3] - box1[:, 1])
    area2 = (box2[:, 2] - box2[:, 0]) * (box2[:, 3] - box2[:, 1])
    return inter / (area1 + area2 - inter + 1e-16)


def merge_nms(detections, nms_thres=0.4):
    """detections: (N, 7) x1, y1, x2, y2, obj, cls_conf, cls_pred, sorted by score."""
    keep_boxes = []
    while detections.size(0):
        large_overlap = bbox_iou(detections[0, :4].unsqueeze(0), detections[:, :4]) > nms_thres
        label_match = detections[0, -1] == detections[:, -1]
        invalid = large_overlap & label_match
        weights = detections[invalid, 4:5]
        detections[0, :4] = (weights * detections[invalid, :4]).sum(0) / weights.sum()
        keep_boxes.append(detections[0].clone())
        detections = detections[~invalid]
    return keep_boxes


def scenario():
    gen = torch.Generator().manual_seed(0)
    out = []
    with torch.no_grad():
        for _ in range(2):
            xy = torch.rand(1500, 2, generator=gen) * 416
            wh = torch.rand(1500, 2, generator=gen) * 12 + 2
            obj = torch.rand(1500, 1, generator=gen)
            conf = torch.rand(1500, 1, generator=gen)
            cls = torch.randint(0, 4, (1500, 1), generator=gen).float()
            det = torch.cat([xy, xy + wh, obj, conf, cls], 1)
            det = det[(-det[:, 4] * det[:, 5]).argsort()]
            out.append(merge_nms(det))
    return out
