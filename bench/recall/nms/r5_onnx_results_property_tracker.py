"""YOLOv8-style post-processing of an exported model's raw output.  The
runtime (a stand-in for an ONNX session) hands back a NumPy array of shape
(1, 4 + n_classes, n_anchors); `torch.from_numpy` wraps it without a copy and
a `Results` object exposes boxes and class scores as properties.  A
single-object tracker keeps the best box of every frame as its trajectory."""
import numpy as np
import torch


class FakeSession:
    """Stand-in for onnxruntime.InferenceSession: returns a fresh array."""

    def __init__(self, n_classes=80, n_anchors=8400, seed=0):
        self.n_classes = n_classes
        self.n_anchors = n_anchors
        self.rng = np.random.default_rng(seed)

    def run(self, output_names, feeds):
        frame = feeds["images"]
        out = self.rng.random((1, 4 + self.n_classes, self.n_anchors), dtype=np.float32)
        out[:, :4] *= frame.shape[-1]
        return [out]


class Results:
    def __init__(self, raw):
        self._pred = torch.from_numpy(raw).squeeze(0).T  # (anchors, 4 + nc)

    @property
    def boxes(self):
        return self._pred[:, :4]

    @property
    def class_scores(self):
        return self._pred[:, 4:]

    def best(self):
        conf, cls = self.class_scores.max(dim=1)
        j = int(conf.argmax())
        return self.boxes[j], float(conf[j]), int(cls[j])


class SingleObjectTracker:
    def __init__(self, min_conf=0.5):
        self.min_conf = min_conf
        self.trajectory = []
        self.confidences = []

    def update(self, frame_idx, box, conf):
        if conf < self.min_conf:
            return
        self.trajectory.append((frame_idx, box))  # expect: VL001
        self.confidences.append(conf)


def frames(n, size=320, seed=1):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        yield rng.random((1, 3, size, size), dtype=np.float32)


def track_video(n_frames=30):
    session = FakeSession()
    tracker = SingleObjectTracker()
    for idx, frame in enumerate(frames(n_frames)):
        (raw,) = session.run(None, {"images": frame})
        box, conf, _ = Results(raw).best()
        tracker.update(idx, box, conf)
    return tracker


def scenario():
    return track_video().trajectory
