"""A tiny observer bus, as camera pipelines use to fan detections out to
loggers, alerting and metrics without the detector knowing about them."""


class DetectionBus:
    def __init__(self):
        self._subscribers = []

    def subscribe(self, callback):
        self._subscribers.append(callback)
        return callback

    def publish(self, frame_idx, detections):
        for callback in self._subscribers:
            callback(frame_idx, detections)


class IntrusionAlerts:
    """Keeps the strongest person detection of every frame that raised an alert."""

    def __init__(self, person_class=15, min_conf=0.9):
        self.person_class = person_class
        self.min_conf = min_conf
        self.alerts = []

    def __call__(self, frame_idx, detections):
        people = detections[:, 1] == self.person_class
        if not people.any():
            return
        conf = detections[:, 2]
        best = int(conf.argmax() if people.all() else (conf * people).argmax())
        if detections[best, 2] >= self.min_conf:
            self.alerts.append((frame_idx, detections[best, 3:7]))  # expect: VL001


class FrameCounter:
    def __init__(self):
        self.frames = 0
        self.boxes = 0

    def __call__(self, frame_idx, detections):
        self.frames += 1
        self.boxes += int((detections[:, 2] > 0.5).sum())
