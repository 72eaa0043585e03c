"""Async camera reader feeding a video world-model tokenizer: frames come from an async generator,
each frame is cut into 16x16 patches by hand, einops-style
(`reshape(H // p, p, W // p, p, C).transpose(0, 2, 1, 3, 4)`), and the top row of patches of every
frame is kept as token vectors (`grid[0].reshape(n, -1)`, one flattened patch per token) to probe
the tokenizer later.  Flattening a row of transposed patches cannot be a view (the pixels of one
patch are not adjacent in the frame), so NumPy copies it and each kept token row holds nothing of
its frame.  Written after async frame generators in streaming services and the patchify helpers of
video tokenizers; the camera is a NumPy stand-in that renders a new frame per grab."""
import asyncio

import numpy as np


class AsyncCamera:
    def __init__(self, height=240, width=320, n_frames=60, seed=0):
        self.height = height
        self.width = width
        self.n_frames = n_frames
        self.rng = np.random.default_rng(seed)

    def _grab(self):
        return self.rng.random((self.height, self.width, 3), dtype=np.float32)

    async def frames(self):
        for _ in range(self.n_frames):
            await asyncio.sleep(0)
            yield self._grab()


def patchify(frame, p):
    h, w, c = frame.shape
    return frame.reshape(h // p, p, w // p, p, c).transpose(0, 2, 1, 3, 4)


class TokenizerProbe:
    def __init__(self, patch=16):
        self.patch = patch
        self.token_rows = []

    async def run(self, camera):
        async for frame in camera.frames():
            grid = patchify(frame, self.patch)
            self.token_rows.append(grid[0].reshape(grid.shape[1], -1))
        return self.token_rows


async def scenario():
    probe = TokenizerProbe()
    return await probe.run(AsyncCamera())
