"""Track pedestrians through a synthetic clip: a stand-in detector returns boxes,
scores and a re-identification embedding per detection for every frame."""
import numpy as np

from tracker import IouTracker


class FakeDetector:
    def __init__(self, n_objects=40, emb_dim=1024, seed=0):
        self.rng = np.random.default_rng(seed)
        xy = self.rng.uniform(0, 1800, size=(n_objects, 2))
        self.centers = xy
        self.velocity = self.rng.normal(0, 2.0, size=(n_objects, 2))
        self.emb_dim = emb_dim

    def __call__(self, frame_idx):
        self.centers = self.centers + self.velocity
        n = len(self.centers)
        boxes = np.hstack([self.centers - 30.0, self.centers + 30.0])
        scores = self.rng.uniform(0.5, 1.0, size=(n, 1))
        embedding = self.rng.normal(size=(n, self.emb_dim))
        return np.hstack([boxes, scores, embedding])


def run_clip(n_frames=30):
    detector = FakeDetector()
    tracker = IouTracker()
    for frame_idx in range(n_frames):
        detections = detector(frame_idx)
        tracker.update(frame_idx, detections)
    return tracker.close()


def scenario():
    return run_clip()
