"""Spectral landmark descriptors for audio fingerprinting: each clip's magnitude spectrogram comes
from `scipy.signal.stft`, the frames of highest energy are found with `scipy.signal.find_peaks`
over the per-frame energy, and each landmark's descriptor is that frame's spectrum, the column
`mag[:, t]` of the clip's whole (freq, frames) magnitude array.  A `LandmarkExtractor` iterates a
corpus with `__iter__` delegating through `yield from` to a per-clip generator, and the index keeps
every descriptor it yields.  Written after fingerprinting and constellation-map code built on
`signal.stft` and `find_peaks`."""
import numpy as np
from scipy import signal


class LandmarkExtractor:
    def __init__(self, clips, fs=16000, nperseg=512, distance=20):
        self.clips = clips
        self.fs = fs
        self.nperseg = nperseg
        self.distance = distance

    def _landmarks(self, key, clip):
        _, _, zxx = signal.stft(clip, fs=self.fs, nperseg=self.nperseg)
        mag = np.abs(zxx)
        energy = mag.sum(axis=0)
        peaks, _ = signal.find_peaks(energy, distance=self.distance)
        for t in peaks[:4]:
            yield key, int(t), mag[:, t]

    def __iter__(self):
        for key, clip in self.clips:
            yield from self._landmarks(key, clip)


def build_index(clips):
    index = {}
    for key, t, descriptor in LandmarkExtractor(clips):
        index[(key, t)] = descriptor  # expect: VL002
    return index


def scenario():
    rng = np.random.default_rng(0)
    clips = ((f"clip{i:03d}", rng.standard_normal(16000 * 4)) for i in range(40))
    return build_index(clips)
