"""Utterance dataset returning a fixed-length random chunk of log-mel frames."""
import numpy as np

from cache import FeatureCache
from features import log_mel, read_wav


class UtteranceChunks:
    def __init__(self, utt_ids, chunk_frames=200, seed=0):
        self.utt_ids = list(utt_ids)
        self.chunk_frames = chunk_frames
        self.rng = np.random.default_rng(seed)
        self.cache = FeatureCache()

    def __len__(self):
        return len(self.utt_ids)

    def __getitem__(self, idx):
        utt = self.utt_ids[idx]
        chunk = self.cache.get(utt)
        if chunk is None:
            feats = log_mel(read_wav(utt))
            start = int(self.rng.integers(0, len(feats) - self.chunk_frames))
            chunk = feats[start:start + self.chunk_frames]
            self.cache.put(utt, chunk)
        return chunk
