"""Weighted boxes fusion over test-time-augmentation passes, written with torch and
torchvision.ops.box_iou after the dataclass-based WBF ports found in detection
repositories: the candidates of the flipped and unflipped passes are joined per
image, the top ones are walked in score order, and each either joins the cluster
it overlaps best or opens a new `BoxCluster` made by a classmethod.  A new
cluster keeps the candidate's row as it is (`pred[i, :4]`, a view); later
members are averaged in, which makes a new tensor.  The clusters of every image
are kept for the error-analysis report, so every singleton cluster's box pins
its image's whole prediction tensor (8400 anchors x 85 channels)."""
from dataclasses import dataclass
from typing import List

import torch
from torchvision.ops import box_iou


@dataclass
class BoxCluster:
    box: torch.Tensor
    score_sum: float
    max_score: float
    count: int

    @classmethod
    def from_entry(cls, box: torch.Tensor, score: float) -> "BoxCluster":
        return cls(box=box, score_sum=score, max_score=score, count=1)

    def absorb(self, box: torch.Tensor, score: float) -> None:
        w = self.score_sum
        self.box = (self.box * w + box * score) / (w + score)
        self.score_sum += score
        self.max_score = max(self.max_score, score)
        self.count += 1


def tta_predictions(gen, n_anchors=8400, n_classes=80):
    """Stand-in for the model run on an image and its flip, outputs joined."""
    passes = []
    for _ in range(2):
        xy = torch.rand(n_anchors, 2, generator=gen) * 600
        wh = torch.rand(n_anchors, 2, generator=gen) * 60 + 4
        obj = torch.rand(n_anchors, 1, generator=gen)
        cls = torch.rand(n_anchors, n_classes, generator=gen)
        passes.append(torch.cat([xy, xy + wh, obj, cls], dim=1))
    return torch.cat(passes, dim=0)


def fuse(pred: torch.Tensor, iou_thr=0.55, top_k=150) -> List[BoxCluster]:
    scores = pred[:, 4] * pred[:, 5:].max(dim=1).values
    order = scores.argsort(descending=True)[:top_k]
    clusters: List[BoxCluster] = []
    for i in order.tolist():
        box, score = pred[i, :4], float(scores[i])
        if clusters:
            fused = torch.stack([c.box for c in clusters])
            ious = box_iou(box[None], fused)[0]
            best = int(ious.argmax())
            if ious[best] > iou_thr:
                clusters[best].absorb(box, score)
                continue
        clusters.append(BoxCluster.from_entry(box, score))
    return clusters


class FusionReport:
    def __init__(self):
        self.per_image = {}

    def run(self, n_images, seed=0):
        gen = torch.Generator().manual_seed(seed)
        for image_id in range(n_images):
            pred = tta_predictions(gen)
            self.per_image[image_id] = fuse(pred)  # expect: VL002
        return self


def scenario():
    return FusionReport().run(n_images=12).per_image
