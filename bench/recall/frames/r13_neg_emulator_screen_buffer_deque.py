"""Thumbnails of an emulator's screen, recorded every tick into a `collections.deque()` without
`maxlen`.  The emulator owns one RGBA screen buffer, allocated when it starts and redrawn in place
at every tick (`self._buffer[...] = ...`); its `Screen.ndarray` property hands out a view of the RGB
channels of that buffer, as PyBoy's screen does.  The recorder keeps a 1/4-resolution view per tick:
every view shares the one buffer, so the memory kept does not grow with the ticks (the thumbnails all
show the last frame, a bug of its own, but not a leak).  Written after Game Boy / Atari emulator
wrappers for RL (`pyboy.screen.ndarray`, ALE's `getScreenRGB(buffer)` filling a preallocated array)."""
from collections import deque

import numpy as np


class Screen:
    def __init__(self, buffer):
        self._buffer = buffer

    @property
    def ndarray(self):
        return self._buffer[:, :, :3]


class Emulator:
    def __init__(self, rows=144, cols=160, seed=0):
        self.rng = np.random.default_rng(seed)
        self._buffer = np.zeros((rows * 2, cols * 2, 4), dtype=np.uint8)
        self.screen = Screen(self._buffer)
        self.frame_count = 0

    def tick(self, buttons=0):
        self._buffer[...] = self.rng.integers(0, 256, size=self._buffer.shape, dtype=np.uint8)
        self._buffer[:, :, 3] = 255
        self.frame_count += 1
        return self.frame_count < 10_000


class ScreenRecorder:
    def __init__(self, every=4):
        self.every = every
        self.frames = deque()

    def record(self, screen):
        rgb = screen.ndarray
        self.frames.append(rgb[:: self.every, :: self.every])


def play(emulator, recorder, ticks=400, seed=1):
    rng = np.random.default_rng(seed)
    for _ in range(ticks):
        if not emulator.tick(int(rng.integers(0, 8))):
            break
        recorder.record(emulator.screen)
    return emulator.frame_count


def scenario():
    recorder = ScreenRecorder()
    n = play(Emulator(), recorder)
    return n, recorder.frames
