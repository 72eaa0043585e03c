"""Grayscale preview strip from a raw video stream: rgb24 frames are read from a decoder pipe with
`iter(partial(pipe.read, frame_bytes), b"")` and viewed with `np.frombuffer(...).reshape(h, w, 3)`;
every `every`-th frame gives a grayscale thumbnail, the channel mean of a strided view
(`frame[::step, ::step].mean(axis=-1)`), so each thumbnail is a new small array.  Written after
ffmpeg-pipe readers in video-tooling scripts that build motion/preview strips; the pipe here is an
io.BytesIO holding the encoded stream."""
import io
from functools import partial

import numpy as np


def fake_decoder_pipe(n_frames, height, width, seed=0):
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, 256, size=(n_frames, height, width, 3), dtype=np.uint8)
    return io.BytesIO(raw.tobytes())


class PreviewStrip:
    def __init__(self, height, width, step=8, every=2):
        self.height, self.width = height, width
        self.step = step
        self.every = every
        self.thumbs = []

    def consume(self, pipe):
        frame_bytes = self.height * self.width * 3
        for i, raw in enumerate(iter(partial(pipe.read, frame_bytes), b"")):
            if len(raw) < frame_bytes or i % self.every:
                continue
            frame = np.frombuffer(raw, dtype=np.uint8).reshape(self.height, self.width, 3)
            self.thumbs.append(frame[::self.step, ::self.step].mean(axis=-1))
        return self.thumbs


def scenario():
    pipe = fake_decoder_pipe(n_frames=120, height=360, width=640)
    strip = PreviewStrip(360, 640)
    return strip.consume(pipe)
