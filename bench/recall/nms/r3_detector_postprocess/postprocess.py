"""Post-processing of a dense detector's raw head output.

The head returns, per batch, a tensor of shape (B, A, 4 + C): box deltas
already decoded to xyxy, then per-class scores.  The post-processor runs
class-aware NMS for the returned detections and, for the calibration report,
keeps the single best-scoring anchor row of every class it saw in an image.
"""
from collections import defaultdict

import torch
import torchvision


class DetectionPostProcessor:
    def __init__(self, cfg):
        self.score_thresh = cfg["score_thresh"]
        self.nms_thresh = cfg["nms_thresh"]
        self.keep_best = cfg.get("keep_best_per_class", False)
        self.best_by_class = defaultdict(list)

    @staticmethod
    def split_head(image_out):
        return image_out[:, :4], image_out[:, 4:]

    def _remember_best(self, image_out, scores):
        best_score, best_anchor = scores.max(dim=0)
        for cls, (s, a) in enumerate(zip(best_score.tolist(), best_anchor)):
            if s < self.score_thresh:
                continue
            self.best_by_class[cls].append(image_out[a])  # expect: VL002

    def __call__(self, head_out):
        results = []
        with torch.no_grad():
            for image_out in head_out.unbind(0):
                boxes, scores = self.split_head(image_out)
                if self.keep_best:
                    self._remember_best(image_out, scores)
                conf, labels = scores.max(dim=1)
                mask = conf > self.score_thresh
                keep = torchvision.ops.batched_nms(boxes[mask], conf[mask], labels[mask], self.nms_thresh)
                results.append(torch.cat([boxes[mask][keep], conf[mask][keep, None]], dim=1))
        return results
