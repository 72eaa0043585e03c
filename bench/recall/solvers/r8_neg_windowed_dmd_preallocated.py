"""Sliding-window DMD as in fluid-dynamics scripts, with the per-window results
written into preallocated arrays: the leading POD modes go into `modes[k]`
(an assignment into an ndarray copies the data), and the kept singular values
are a slice of the small 1-D `s` of each window (a view, but of 47 numbers)."""
import numpy as np
from scipy import linalg as sla


def snapshot_stream(n=20000, n_t=400, seed=0):
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 2 * np.pi, n)
    t = np.linspace(0, 20, n_t)
    field = (np.outer(np.sin(3 * x), np.cos(2.1 * t))
             + 0.5 * np.outer(np.cos(5 * x), np.sin(4.3 * t)))
    return field + 0.01 * rng.standard_normal((n, n_t))


def track_modes(data, width=48, step=32, r=3):
    n, n_t = data.shape
    starts = range(0, n_t - width + 1, step)
    modes = np.empty((len(starts), n, r))
    spectra = []
    for k, start in enumerate(starts):
        X = data[:, start:start + width - 1]
        U, s, Vh = sla.svd(X, full_matrices=False)
        modes[k] = U[:, :r]
        spectra.append(s[:r])
    return modes, spectra


def scenario():
    return track_modes(snapshot_stream())
