"""A linear Kalman filter over a discretised field (data assimilation of a 1-D
diffusion with sparse sensors), after the `KalmanFilter` classes of filtering
tutorials and tracking libraries: `predict()` rebinds `self.P = F @ P @ F.T + Q`
and `update()` rebinds it again with the Joseph-free form `(I - K H) P`.  The
run log keeps, per step, the state's marginal variances `np.diag(kf.P)`: for
a matrix, `np.diag` returns a read-only view of its diagonal, so each logged
vector pins that step's whole `(n, n)` covariance."""
import numpy as np


class KalmanFilter:
    def __init__(self, F, H, Q, R, x0, P0):
        self.F, self.H, self.Q, self.R = F, H, Q, R
        self.x = x0
        self.P = P0
        self.I = np.eye(len(x0))

    def predict(self):
        self.x = self.F @ self.x
        self.P = self.F @ self.P @ self.F.T + self.Q

    def update(self, z):
        S = self.H @ self.P @ self.H.T + self.R
        K = np.linalg.solve(S, self.H @ self.P).T
        self.x = self.x + K @ (z - self.H @ self.x)
        self.P = (self.I - K @ self.H) @ self.P


def diffusion_model(n, alpha=0.2, n_sensors=12):
    F = np.eye(n) * (1 - 2 * alpha)
    F += np.eye(n, k=1) * alpha + np.eye(n, k=-1) * alpha
    H = np.zeros((n_sensors, n))
    H[np.arange(n_sensors), np.linspace(0, n - 1, n_sensors).astype(int)] = 1.0
    return F, H, 1e-3 * np.eye(n), 1e-2 * np.eye(n_sensors)


def assimilate(n=320, steps=60, seed=0):
    rng = np.random.default_rng(seed)
    F, H, Q, R = diffusion_model(n)
    kf = KalmanFilter(F, H, Q, R, np.zeros(n), np.eye(n))
    truth = np.sin(np.linspace(0, 3 * np.pi, n))
    variances = []
    for _ in range(steps):
        truth = F @ truth
        kf.predict()
        kf.update(H @ truth + rng.normal(0, 0.1, H.shape[0]))
        variances.append(np.diag(kf.P))  # expect: VL001
    return kf.x, variances


def scenario():
    return assimilate()
