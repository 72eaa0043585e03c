"""Sliding-window dynamic mode decomposition of a snapshot stream, as in
fluid-dynamics DMD scripts: snapshot windows come from a generator, each window
is decomposed with `scipy.linalg.svd(X, full_matrices=False)`, and the leading
POD modes of every window (`U[:, :r]`) are kept to watch how the coherent
structures drift.  U is (n, w - 1) per window; the kept r columns pin all of it."""
import numpy as np
from scipy import linalg as sla


def snapshot_stream(n=20000, n_t=400, seed=0):
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 2 * np.pi, n)
    t = np.linspace(0, 20, n_t)
    field = (np.outer(np.sin(3 * x), np.cos(2.1 * t))
             + 0.5 * np.outer(np.cos(5 * x), np.sin(4.3 * t)))
    return field + 0.01 * rng.standard_normal((n, n_t))


def windows(data, width, step):
    for start in range(0, data.shape[1] - width + 1, step):
        yield start, data[:, start:start + width]


def exact_dmd(X, Y, r):
    U, s, Vh = sla.svd(X, full_matrices=False)
    Ur, sr, Vr = U[:, :r], s[:r], Vh[:r].conj().T
    A_tilde = Ur.conj().T @ Y @ Vr / sr
    eigvals, W = np.linalg.eig(A_tilde)
    return U, eigvals, W


def track_modes(data, width=48, step=32, r=3):
    pod_modes = []
    eigs = []
    for start, window in windows(data, width, step):
        U, eigvals, W = exact_dmd(window[:, :-1], window[:, 1:], r)
        pod_modes.append(U[:, :r])  # expect: VL001
        eigs.append(eigvals)
    return pod_modes, eigs


def scenario():
    return track_modes(snapshot_stream())
