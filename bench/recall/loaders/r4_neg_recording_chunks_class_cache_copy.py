"""Speech dataset cutting each recording into chunks with np.array_split; the class-level
preview cache stores a copy of the first chunk, so the whole recording can be freed."""
import numpy as np


def load_waveform(recording_id, sample_rate=16000, seconds=20):
    """Stand-in for soundfile.read(path)[0] (float32 mono)."""
    rng = np.random.default_rng(recording_id)
    return rng.standard_normal(sample_rate * seconds).astype(np.float32)


class ChunkedSpeechDataset:
    _preview_cache = {}

    def __init__(self, recording_ids, n_chunks=16, split="train"):
        self.recording_ids = list(recording_ids)
        self.n_chunks = n_chunks
        self.split = split

    def chunks(self, recording_id):
        wav = load_waveform(recording_id)
        wav = wav - wav.mean()
        return np.array_split(wav, self.n_chunks)

    def preview(self, recording_id):
        key = (self.split, recording_id)
        if key not in ChunkedSpeechDataset._preview_cache:
            first, *_ = self.chunks(recording_id)
            ChunkedSpeechDataset._preview_cache[key] = first.copy()
        return ChunkedSpeechDataset._preview_cache[key]


def scenario():
    val = ChunkedSpeechDataset(range(100, 120), split="val")
    for rec in val.recording_ids:
        val.preview(rec)
    return dict(ChunkedSpeechDataset._preview_cache)
