"""Calibration set for a spectrogram model, read chunk by chunk from an HDF5-style file: the reader
opens the file as a context manager, takes `f["spectrograms"]`, walks its storage chunks with
`dset.iter_chunks()` (a tuple of slices per chunk) and reads each with `dset[sel]`, which, as in
h5py, decodes the selection into a new array.  Running statistics use the whole block; the first
frames of every block are kept as calibration samples for post-training quantisation.  Written after
HDF5 readers in audio and imaging training code (`with h5py.File(path, "r") as f:`,
`for sel in dset.iter_chunks(): block = dset[sel]`); the File and Dataset classes are in-memory
stand-ins that keep h5py's read-a-new-array semantics."""
import numpy as np


class Dataset:
    def __init__(self, data, chunks):
        self._data = data
        self.chunks = chunks
        self.shape = data.shape
        self.dtype = data.dtype

    def __len__(self):
        return self.shape[0]

    def __getitem__(self, sel):
        return np.array(self._data[sel])

    def iter_chunks(self):
        step = self.chunks[0]
        for start in range(0, self.shape[0], step):
            yield (slice(start, min(start + step, self.shape[0])), slice(None), slice(None))


class File:
    def __init__(self, name, mode="r", n_items=2048, n_mels=80, frames=64, seed=0):
        rng = np.random.default_rng(seed)
        data = rng.standard_normal((n_items, n_mels, frames), dtype=np.float32)
        self.name = name
        self._datasets = {"spectrograms": Dataset(data, chunks=(128, n_mels, frames))}

    def __getitem__(self, key):
        return self._datasets[key]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._datasets.clear()
        return False


class CalibrationReader:
    def __init__(self, per_chunk=2):
        self.per_chunk = per_chunk
        self.samples = []
        self.total = 0.0
        self.count = 0

    def read(self, path):
        with File(path, "r") as f:
            dset = f["spectrograms"]
            for sel in dset.iter_chunks():
                block = dset[sel]
                self.total += float(block.sum())
                self.count += block.size
                self.samples.append(block[: self.per_chunk])  # expect: VL002
        return self


def scenario():
    reader = CalibrationReader().read("train_mels.h5")
    return reader.total / reader.count, reader.samples
