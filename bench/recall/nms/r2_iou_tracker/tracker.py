"""Greedy IoU tracker after the iou-tracker of Bochinski et al.: each frame's
detections extend the active track they overlap most; unmatched tracks end."""
from dataclasses import dataclass, field


def iou(a, b):
    ix1, iy1 = max(a[0], b[0]), max(a[1], b[1])
    ix2, iy2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, ix2 - ix1) * max(0.0, iy2 - iy1)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


@dataclass
class Track:
    track_id: int
    start_frame: int
    boxes: list = field(default_factory=list)
    max_score: float = 0.0

    def add(self, det):
        self.boxes.append(det[:4])  # expect: VL002
        self.max_score = max(self.max_score, float(det[4]))


class IouTracker:
    def __init__(self, sigma_l=0.3, sigma_iou=0.4, t_min=3):
        self.sigma_l = sigma_l
        self.sigma_iou = sigma_iou
        self.t_min = t_min
        self.active = []
        self.finished = []
        self._next_id = 0

    def update(self, frame_idx, detections):
        """detections: (N, 5 + D) rows of x1, y1, x2, y2, score, appearance."""
        dets = [d for d in detections if d[4] >= self.sigma_l]
        still_active = []
        for track in self.active:
            if dets:
                last = track.boxes[-1]
                best = max(dets, key=lambda d: iou(last, d))
                if iou(last, best) >= self.sigma_iou:
                    track.add(best)
                    still_active.append(track)
                    dets = [d for d in dets if d is not best]
                    continue
            if len(track.boxes) >= self.t_min:
                self.finished.append(track)
        for det in dets:
            track = Track(self._next_id, frame_idx)
            self._next_id += 1
            track.add(det)
            still_active.append(track)
        self.active = still_active

    def close(self):
        self.finished.extend(t for t in self.active if len(t.boxes) >= self.t_min)
        self.active = []
        return self.finished
