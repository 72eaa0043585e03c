"""Single-instance detection: the best box of each class, per image.

Used for datasets where every class appears at most once per image (e.g.
instrument or landmark detection)."""
import numpy as np


class DetectionPostProcessor:
    def __init__(self, num_classes, score_thresh=0.05):
        self.num_classes = num_classes
        self.score_thresh = score_thresh

    def best_per_class(self, dets):
        """dets: (N, 6) array of x1, y1, x2, y2, score, class."""
        best = {}
        for c in range(self.num_classes):
            cls_dets = dets[(dets[:, 5] == c) & (dets[:, 4] > self.score_thresh)]
            if len(cls_dets) == 0:
                continue
            order = cls_dets[:, 4].argsort()[::-1]
            cls_dets = cls_dets[order]
            best[c] = cls_dets[0]  # expect: VL001
        return best

    def __call__(self, batch_dets):
        return [self.best_per_class(d) for d in batch_dets]


def fake_detector_output(rng, n_images, n_dets, num_classes):
    out = []
    for _ in range(n_images):
        xy = rng.uniform(0, 600, size=(n_dets, 2))
        wh = rng.uniform(10, 80, size=(n_dets, 2))
        score = rng.uniform(0, 1, size=(n_dets, 1))
        cls = rng.integers(0, num_classes, size=(n_dets, 1)).astype(np.float64)
        out.append(np.hstack([xy, xy + wh, score, cls]))
    return out


def scenario():
    rng = np.random.default_rng(0)
    post = DetectionPostProcessor(num_classes=12)
    results = []
    for batch in range(4):
        dets = fake_detector_output(rng, 4, 12000, 12)
        results.extend(post(dets))
    return results
