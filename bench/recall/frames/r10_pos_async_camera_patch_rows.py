"""Async camera reader feeding a video world-model tokenizer: frames come from an async generator
(`async for frame in camera.frames()`, the frame grabbed off the event loop as async webcam/stream
readers do), each frame is cut into 16x16 patches by hand, einops-style
(`reshape(H // p, p, W // p, p, C).transpose(0, 2, 1, 3, 4)`), and the top row of patches of every
frame is kept as a strip for the tokenizer's debug contact sheet.  Written after async frame
generators in streaming/detection services and hand-written patchify helpers of video tokenizers;
the camera is a NumPy stand-in that renders a new frame per grab."""
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
        self.strips = []
        self.n_seen = 0

    async def run(self, camera):
        async for frame in camera.frames():
            grid = patchify(frame, self.patch)
            self.strips.append(grid[0])  # expect: VL002
            self.n_seen += 1
        return self.strips


async def scenario():
    probe = TokenizerProbe()
    return await probe.run(AsyncCamera())
