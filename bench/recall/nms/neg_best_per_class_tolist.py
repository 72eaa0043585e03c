"""Best detection per class and image, serialised to plain lists for the
JSON report (COCO results format)."""
import numpy as np


class BestPerClass:
    def __init__(self, num_classes, score_thresh=0.05):
        self.num_classes = num_classes
        self.score_thresh = score_thresh
        self.records = []

    def add_image(self, image_id, dets):
        for c in range(self.num_classes):
            cls_dets = dets[(dets[:, 5] == c) & (dets[:, 4] > self.score_thresh)]
            if len(cls_dets) == 0:
                continue
            top = cls_dets[np.argmax(cls_dets[:, 4])]
            x1, y1, x2, y2, score, _ = top.tolist()
            self.records.append({"image_id": image_id, "category_id": c,
                                 "bbox": [x1, y1, x2 - x1, y2 - y1], "score": score})


def scenario():
    rng = np.random.default_rng(0)
    agg = BestPerClass(num_classes=12)
    for image_id in range(16):
        xy = rng.uniform(0, 600, size=(12000, 2))
        wh = rng.uniform(10, 80, size=(12000, 2))
        dets = np.hstack([xy, xy + wh, rng.uniform(0, 1, size=(12000, 1)),
                          rng.integers(0, 12, size=(12000, 1))])
        agg.add_image(image_id, dets)
    return agg.records
