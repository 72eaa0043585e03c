"""SORT/DeepSORT-style tracking by detection, after the `KalmanFilter` and
`Track` classes of multi-object trackers: every track carries an 8-dim state
`mean` (cx, cy, aspect, h and their velocities) and an 8x8 `covariance`, each
frame predicts both with the constant-velocity model and updates them with
the matched detection, and the track appends the box part of its state,
`self.mean[:4]`, to its history for drawing trails.  `mean[:4]` is a view, and
`predict`/`update` make a new `mean` every frame, but each view pins only the
8 numbers of its own state vector: the history costs about what it shows."""
import numpy as np


class KalmanFilter:
    def __init__(self, dt=1.0):
        self.F = np.eye(8)
        for i in range(4):
            self.F[i, 4 + i] = dt
        self.H = np.eye(4, 8)
        self.Q = np.eye(8) * 1e-2
        self.R = np.eye(4) * 1e-1

    def initiate(self, measurement):
        mean = np.r_[measurement, np.zeros(4)]
        covariance = np.eye(8)
        return mean, covariance

    def predict(self, mean, covariance):
        mean = self.F @ mean
        covariance = self.F @ covariance @ self.F.T + self.Q
        return mean, covariance

    def update(self, mean, covariance, measurement):
        S = self.H @ covariance @ self.H.T + self.R
        K = covariance @ self.H.T @ np.linalg.inv(S)
        mean = mean + K @ (measurement - self.H @ mean)
        covariance = (np.eye(8) - K @ self.H) @ covariance
        return mean, covariance


class Track:
    def __init__(self, track_id, kf, measurement):
        self.track_id = track_id
        self.kf = kf
        self.mean, self.covariance = kf.initiate(measurement)
        self.history = []

    def predict(self):
        self.mean, self.covariance = self.kf.predict(self.mean, self.covariance)

    def update(self, measurement):
        self.mean, self.covariance = self.kf.update(self.mean, self.covariance, measurement)
        self.history.append(self.mean[:4])


def track(n_objects=25, n_frames=300, seed=0):
    rng = np.random.default_rng(seed)
    kf = KalmanFilter()
    start = np.column_stack([rng.uniform(0, 600, (n_objects, 2)),
                             rng.uniform(0.4, 2.0, n_objects),
                             rng.uniform(20, 200, n_objects)])
    velocity = rng.normal(0, 2, (n_objects, 4)) * np.array([1, 1, 0.001, 0.1])
    tracks = [Track(k, kf, start[k]) for k in range(n_objects)]
    for frame in range(1, n_frames):
        truth = start + frame * velocity
        detections = truth + rng.normal(0, 0.5, truth.shape)
        for t, det in zip(tracks, detections):
            t.predict()
            t.update(det)
    return tracks


def scenario():
    return track()
