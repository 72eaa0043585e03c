"""Weighted-merge non-maximum suppression for a YOLOv3-style detector.

Boxes that overlap the best remaining box (same class) are merged into it,
weighted by their confidences; the merged boxes of every image are handed
to the evaluator as a list of per-detection tensors.
"""
import torch


def xywh2xyxy(x):
    y = x.new(x.shape)
    y[..., 0] = x[..., 0] - x[..., 2] / 2
    y[..., 1] = x[..., 1] - x[..., 3] / 2
    y[..., 2] = x[..., 0] + x[..., 2] / 2
    y[..., 3] = x[..., 1] + x[..., 3] / 2
    return y


def bbox_iou(box1, box2):
    inter_x1 = torch.max(box1[:, 0], box2[:, 0])
    inter_y1 = torch.max(box1[:, 1], box2[:, 1])
    inter_x2 = torch.min(box1[:, 2], box2[:, 2])
    inter_y2 = torch.min(box1[:, 3], box2[:, 3])
    inter = (inter_x2 - inter_x1).clamp(min=0) * (inter_y2 - inter_y1).clamp(min=0)
    area1 = (box1[:, 2] - box1[:, 0]) * (box1[:, 3] - box1[:, 1])
    area2 = (box2[:, 2] - box2[:, 0]) * (box2[:, 3] - box2[:, 1])
    return inter / (area1 + area2 - inter + 1e-16)


def non_max_suppression(prediction, conf_thres=0.3, nms_thres=0.4):
    prediction[..., :4] = xywh2xyxy(prediction[..., :4])
    output = [None for _ in range(len(prediction))]
    for image_i, image_pred in enumerate(prediction):
        image_pred = image_pred[image_pred[:, 4] >= conf_thres]
        if not image_pred.size(0):
            continue
        score = image_pred[:, 4] * image_pred[:, 5:].max(1)[0]
        image_pred = image_pred[(-score).argsort()]
        class_confs, class_preds = image_pred[:, 5:].max(1, keepdim=True)
        detections = torch.cat((image_pred[:, :5], class_confs.float(), class_preds.float()), 1)
        keep_boxes = []
        while detections.size(0):
            large_overlap = bbox_iou(detections[0, :4].unsqueeze(0), detections[:, :4]) > nms_thres
            label_match = detections[0, -1] == detections[:, -1]
            invalid = large_overlap & label_match
            weights = detections[invalid, 4:5]
            detections[0, :4] = (weights * detections[invalid, :4]).sum(0) / weights.sum()
            keep_boxes += [detections[0]]  # expect: VL001
            detections = detections[~invalid]
        if keep_boxes:
            output[image_i] = keep_boxes
    return output


def fake_predictions(batch, anchors, num_classes, gen):
    pred = torch.rand(batch, anchors, 5 + num_classes, generator=gen)
    pred[..., 0:2] *= 416.0
    pred[..., 2:4] = pred[..., 2:4] * 12.0 + 2.0
    pred[..., 4] = pred[..., 4] * 0.5 + 0.5
    return pred


def scenario():
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        preds = fake_predictions(2, 1500, 4, gen)
        return non_max_suppression(preds)
