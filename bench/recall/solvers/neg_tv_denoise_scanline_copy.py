"""TV denoising by gradient descent; the convergence figure's scanlines are
copied out of each iterate."""
import numpy as np


def tv_gradient(u, f, lam, eps=1e-2):
    ux = np.diff(u, axis=1, append=u[:, -1:])
    uy = np.diff(u, axis=0, append=u[-1:, :])
    mag = np.sqrt(ux ** 2 + uy ** 2 + eps ** 2)
    div = np.diff(ux / mag, axis=1, prepend=0.0) + np.diff(uy / mag, axis=0, prepend=0.0)
    return (u - f) - lam * div


class TVDenoiser:
    def __init__(self, lam=0.15, step=0.2, n_iter=40):
        self.lam, self.step, self.n_iter = lam, step, n_iter
        self.history = []

    def __call__(self, f):
        u = f.copy()
        row = f.shape[0] // 2
        for _ in range(self.n_iter):
            u = u - self.step * tv_gradient(u, f, self.lam)
            self.history.append((float(np.abs(u - f).mean()), u[row].copy()))
        return u


def scenario():
    rng = np.random.default_rng(0)
    clean = np.zeros((384, 384))
    clean[96:288, 96:288] = 1.0
    den = TVDenoiser()
    den(clean + 0.3 * rng.standard_normal(clean.shape))
    return den.history
