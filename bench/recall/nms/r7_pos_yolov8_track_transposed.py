"""Single-object tracking on top of a YOLOv8-style detector.

The exported head gives (1, 4 + classes, anchors) per frame, channels first, so
the post-processing transposes it to one row per anchor
(`out[0].transpose(0, 1)`) as the ultralytics exporters' user scripts do.  For
the tracked class only the best-scoring row is kept per frame, in a small
`__slots__` record, under `torch.no_grad()`; the track is plotted afterwards."""
import torch


class ChannelsFirstHead(torch.nn.Module):
    """Stand-in for the exported network: (1, 3, H, W) -> (1, 4 + C, anchors)."""

    def __init__(self, n_classes=80, n_anchors=8400):
        super().__init__()
        self.n_classes = n_classes
        self.n_anchors = n_anchors
        self.mix = torch.nn.Conv2d(3, 4 + n_classes, kernel_size=1)

    def forward(self, image):
        feat = self.mix(image).mean(dim=(2, 3))  # (1, 4 + C)
        out = torch.rand(1, 4 + self.n_classes, self.n_anchors)
        out[:, :4] *= 640.0
        return out + 0.001 * feat[:, :, None]


class TrackPoint:
    __slots__ = ("frame", "score", "row")

    def __init__(self, frame, score, row):
        self.frame = frame
        self.score = score
        self.row = row


class SingleClassTracker:
    def __init__(self, model, class_id, conf_thres=0.25):
        self.model = model
        self.class_id = class_id
        self.conf_thres = conf_thres
        self.points = []

    def step(self, frame_idx, image):
        with torch.no_grad():
            out = self.model(image)
        pred = out[0].transpose(0, 1)  # (anchors, 4 + C)
        cls_scores = pred[:, 4 + self.class_id]
        best = int(cls_scores.argmax())
        score = float(cls_scores[best])
        if score < self.conf_thres:
            return None
        point = TrackPoint(frame_idx, score, pred[best])  # expect: VL001
        self.points.append(point)
        return point

    def boxes(self):
        return [p.row[:4] for p in self.points]


def video_frames(n, size=32, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n):
        yield torch.rand(1, 3, size, size, generator=g)


def run(n_frames=12):
    tracker = SingleClassTracker(ChannelsFirstHead(), class_id=0)
    for i, frame in enumerate(video_frames(n_frames)):
        tracker.step(i, frame)
    return tracker.points


def scenario():
    return run()
