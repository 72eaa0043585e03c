"""Sliced inference for small objects, after SAHI (obss/sahi,
`get_sliced_prediction`): a large image is cut into overlapping slices, the
detector runs on each slice and returns its raw `(n_anchors, 6)` output, the
confident rows are kept with a boolean mask, and every prediction is turned
into an `ObjectPrediction` whose box is shifted by the slice's offset into
full-image coordinates (`get_shifted_object_prediction`).  Predictions of all
slices are then merged greedily (NMM: a box absorbs the boxes it overlaps
into their enclosing box).  The mask makes a copy and the shift makes new
boxes, so nothing a prediction keeps is a view of a slice's raw output."""
import numpy as np


SLICE_CONFIG = {"slice": 256, "overlap": 0.2, "conf": 0.92, "match_iou": 0.5}


class ObjectPrediction:
    def __init__(self, bbox, score, category_id, shift_amount):
        self.bbox = bbox
        self.score = score
        self.category_id = category_id
        self.shift_amount = list(shift_amount)

    def merge(self, other):
        self.bbox = np.concatenate([np.minimum(self.bbox[:2], other.bbox[:2]),
                                    np.maximum(self.bbox[2:], other.bbox[2:])])
        self.score = max(self.score, other.score)


def slice_offsets(height, width, size, overlap):
    step = int(size * (1 - overlap))
    for y in range(0, max(height - size, 0) + 1, step):
        for x in range(0, max(width - size, 0) + 1, step):
            yield x, y


class SliceDetector:
    def __init__(self, n_anchors=3000, n_classes=8, seed=0):
        self.n_anchors = n_anchors
        self.n_classes = n_classes
        self.rng = np.random.default_rng(seed)

    def __call__(self, tile):
        out = np.empty((self.n_anchors, 6))
        out[:, :2] = self.rng.uniform(0, tile.shape[1] - 24, (self.n_anchors, 2))
        out[:, 2:4] = out[:, :2] + self.rng.uniform(8, 24, (self.n_anchors, 2))
        out[:, 4] = self.rng.beta(0.5, 3.0, self.n_anchors)
        out[:, 5] = self.rng.integers(0, self.n_classes, self.n_anchors)
        return out


def box_iou(a, b):
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def greedy_nmm(predictions, match_iou):
    predictions = sorted(predictions, key=lambda p: p.score, reverse=True)
    merged = []
    for pred in predictions:
        for keep in merged:
            if keep.category_id == pred.category_id and box_iou(keep.bbox, pred.bbox) > match_iou:
                keep.merge(pred)
                break
        else:
            merged.append(pred)
    return merged


def get_sliced_prediction(image, detector, config=SLICE_CONFIG):
    size = config["slice"]
    predictions = []
    for x, y in slice_offsets(image.shape[0], image.shape[1], size, config["overlap"]):
        tile = image[y:y + size, x:x + size]
        raw = detector(tile)
        confident = raw[raw[:, 4] > config["conf"]]
        shift = np.array([x, y, x, y], dtype=float)
        for i in range(len(confident)):
            pred = ObjectPrediction(confident[i, :4] + shift, float(confident[i, 4]),
                                    int(confident[i, 5]), (x, y))
            predictions.append(pred)
    return greedy_nmm(predictions, config["match_iou"])


def scenario():
    image = np.zeros((1024, 1024, 3), dtype=np.uint8)
    detector = SliceDetector()
    results = []
    for _ in range(3):
        results.extend(get_sliced_prediction(image, detector))
    return results
