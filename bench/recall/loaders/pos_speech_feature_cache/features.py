"""Log-mel front end (numpy-only stand-in for torchaudio.compliance.kaldi.fbank)."""
import numpy as np

N_MELS = 80
HOP = 160


def read_wav(utt_id, seconds=30, sr=16000):
    rng = np.random.default_rng(utt_id)
    return rng.standard_normal(seconds * sr).astype(np.float32)


def log_mel(wave):
    n_frames = len(wave) // HOP
    frames = wave[: n_frames * HOP].reshape(n_frames, HOP)
    energy = np.log(np.abs(frames) + 1e-6)
    return np.repeat(energy[:, :1], N_MELS, axis=1) + energy[:, :N_MELS // 2].mean()
