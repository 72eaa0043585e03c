"""Speech-feature corpus packed as one zip archive: every member is `<utterance>.f32`, a headerless
float32 matrix of log-mel frames (T x 80), written by a feature-extraction job.  The dataset opens the
archive once, reads each member with `ZipFile.read(name)` and decodes it with
`np.frombuffer(raw, dtype=np.float32).reshape(-1, N_MELS)`; it keeps the first frame of every
utterance (its onset frame, used to pick a per-speaker silence floor) in a dict keyed by utterance and
drops the rest after computing the utterance's length.  `np.frombuffer` makes a view of the bytes
object, and a row of it keeps those bytes alive: every member's whole decompressed payload stays in
memory.  Written after Kaldi/ESPnet-style feature readers that pull raw float32 blobs out of
archives with `zipfile.ZipFile(...).read(...)` and `np.frombuffer`; the archive is written to a
temporary directory first."""
import os
import tempfile
import zipfile

import numpy as np

N_MELS = 80


def write_archive(path, n_utts=24, seed=0):
    rng = np.random.default_rng(seed)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for k in range(n_utts):
            frames = int(rng.integers(1800, 2400))
            feats = rng.standard_normal((frames, N_MELS)).astype(np.float32)
            zf.writestr(f"spk{k % 4}/utt{k:04d}.f32", feats.tobytes())


class ZipFeatureIndex:
    def __init__(self, path):
        self.path = path
        self.lengths = {}
        self.onsets = {}
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if not name.endswith(".f32"):
                    continue
                raw = zf.read(name)
                feats = np.frombuffer(raw, dtype=np.float32).reshape(-1, N_MELS)
                utt = os.path.splitext(name)[0]
                self.lengths[utt] = feats.shape[0]
                self.onsets[utt] = feats[0]  # expect: VL002

    def __len__(self):
        return len(self.lengths)

    def silence_floor(self, speaker):
        rows = [v for k, v in self.onsets.items() if k.startswith(speaker + "/")]
        return np.min(np.stack(rows), axis=0)


def scenario():
    with tempfile.TemporaryDirectory() as root:
        path = os.path.join(root, "feats.zip")
        write_archive(path)
        index = ZipFeatureIndex(path)
        index.silence_floor("spk0")
        return index.onsets, index.lengths
