"""CenterNet-style decoding of keypoint heatmaps, as in "objects as points"
detectors and their pytorch-lightning ports: the heatmap NMS is a 3x3
`F.max_pool2d` that keeps only local maxima (`heat * (hmax == heat)`), then the
top-k peaks are read off the flattened map.  The decode function is wrapped with
`@torch.no_grad()` as a decorator, the batches come from a small iterator class
(`__iter__` / `__next__`), and a debug logger keeps the class map of every peak
it saw in a list that is a *class attribute*, shared by every logger instance.
The heatmap is new per batch (the head's sigmoid output), and `heat[b, c]` is a
view of it: every logged map pins its whole batch of heatmaps."""
import torch
import torch.nn.functional as F


class HeatmapBatches:
    """Stand-in for the network over a loader: yields (B, C, H, W) heatmaps."""

    def __init__(self, n_batches, batch=4, classes=20, size=128, seed=0):
        self.n_batches = n_batches
        self.shape = (batch, classes, size, size)
        self.gen = torch.Generator().manual_seed(seed)
        self._i = 0

    def __iter__(self):
        self._i = 0
        return self

    def __next__(self):
        if self._i >= self.n_batches:
            raise StopIteration
        self._i += 1
        logits = torch.randn(self.shape, generator=self.gen) * 2.0 - 4.0
        return torch.sigmoid(logits)


class PeakLogger:
    seen_maps = []          # shared by all loggers: one debug page per run

    def __init__(self, min_score):
        self.min_score = min_score

    def log(self, heat, b, c, score):
        if score >= self.min_score:
            self.seen_maps.append((b, c, heat[b, c]))  # expect: VL002


def heatmap_nms(heat, kernel=3):
    pad = (kernel - 1) // 2
    hmax = F.max_pool2d(heat, kernel, stride=1, padding=pad)
    return heat * (hmax == heat).float()


@torch.no_grad()
def decode(heat, k=10, logger=None):
    batch, classes, height, width = heat.shape
    peaks = heatmap_nms(heat)
    scores, inds = torch.topk(peaks.view(batch, -1), k)
    cls = torch.div(inds, height * width, rounding_mode="floor")
    rem = inds % (height * width)
    ys = torch.div(rem, width, rounding_mode="floor")
    xs = rem % width
    dets = torch.stack([xs.float(), ys.float(), scores, cls.float()], dim=2)
    if logger is not None:
        for b in range(batch):
            top = int(cls[b, 0])
            logger.log(heat, b, top, float(scores[b, 0]))
    return dets


def scenario():
    logger = PeakLogger(min_score=0.5)
    PeakLogger.seen_maps.clear()
    detections = []
    for heat in HeatmapBatches(n_batches=12):
        detections.append(decode(heat, k=10, logger=logger))
    return detections, PeakLogger.seen_maps
