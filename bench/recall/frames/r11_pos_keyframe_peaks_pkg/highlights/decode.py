import numpy as np


class ChunkDecoder:
    """Decodes a clip in chunks of `chunk` frames; each chunk is a new (T, H, W, 3) array."""

    def __init__(self, n_frames=960, chunk=64, height=180, width=320, seed=0):
        self.n_frames = n_frames
        self.chunk = chunk
        self.height = height
        self.width = width
        self.rng = np.random.default_rng(seed)

    def chunks(self):
        for start in range(0, self.n_frames, self.chunk):
            n = min(self.chunk, self.n_frames - start)
            yield start, self.rng.integers(0, 256, (n, self.height, self.width, 3), dtype=np.uint8)
