import numpy as np
from scipy.signal import find_peaks


def motion_energy(chunk):
    gray = chunk.mean(axis=-1, dtype=np.float32)
    diff = np.abs(np.diff(gray, axis=0)).mean(axis=(1, 2))
    return np.concatenate(([0.0], diff))


def keyframes_at_peaks(chunk, distance=16):
    energy = motion_energy(chunk)
    peaks, _ = find_peaks(energy, distance=distance)
    if len(peaks) == 0:
        peaks = np.array([int(np.argmax(energy))])
    return peaks, [chunk[p] for p in peaks]
