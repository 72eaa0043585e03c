"""An SSD-style detector read through OpenCV-DNN conventions: the network's
output is (1, 1, N, 7) rows of (image_id, class, conf, x1, y1, x2, y2), squeezed
to (N, 7) and published to observers on a bus.  Corrupt frames raise and are
skipped; the frame counter advances in `finally`."""
import numpy as np

from events import DetectionBus, FrameCounter, IntrusionAlerts


class CorruptFrame(Exception):
    pass


class DenseSSD:
    """Stand-in for cv2.dnn_Net: forward() returns a fresh (1, 1, N, 7) blob."""

    def __init__(self, n_priors=120000, seed=0):
        self.n_priors = n_priors
        self.rng = np.random.default_rng(seed)
        self.blob = None

    def setInput(self, blob):
        if blob.size == 0:
            raise CorruptFrame("empty frame")
        self.blob = blob

    def forward(self):
        out = self.rng.random((1, 1, self.n_priors, 7), dtype=np.float32)
        out[..., 1] = self.rng.integers(0, 21, self.n_priors)
        out[..., 2] = 0.5 + 0.5 * out[..., 2]
        return out


def camera(n_frames, seed=1):
    rng = np.random.default_rng(seed)
    for i in range(n_frames):
        if i % 5 == 4:
            yield np.empty((0, 300, 3), dtype=np.uint8)
        else:
            yield rng.integers(0, 255, (300, 300, 3), dtype=np.uint8)


def monitor(n_frames=10):
    net = DenseSSD()
    bus = DetectionBus()
    alerts = bus.subscribe(IntrusionAlerts())
    counter = bus.subscribe(FrameCounter())
    frame_idx = 0
    skipped = 0
    for frame in camera(n_frames):
        try:
            blob = frame.astype(np.float32)[None].transpose(0, 3, 1, 2) / 255.0
            net.setInput(blob)
            detections = np.squeeze(net.forward())
            bus.publish(frame_idx, detections)
        except CorruptFrame:
            skipped += 1
        finally:
            frame_idx += 1
    return alerts.alerts, counter.frames, skipped


def scenario():
    return monitor()
