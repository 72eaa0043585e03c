"""Pixel environments assembled from mixins, as in RL codebases that keep rendering, cropping and
frame skipping in small mixin classes over one emulator-backed base."""
import numpy as np


class PixelEnv:
    def __init__(self, horizon=30, seed=0):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon
        self.t = 0
        self._screen = None

    def _render(self):
        self._screen = self.rng.random((210, 160, 3), dtype=np.float32)

    def reset(self):
        self.t = 0
        self._render()

    def step(self, action):
        self.t += 1
        self._render()
        return float(action == 1), self.t >= self.horizon


class GrayCropMixin:
    crop_top = 34
    crop_bottom = 194

    @property
    def observation(self):
        return self._screen[self.crop_top:self.crop_bottom:2, ::2, 0]


class FrameSkipMixin:
    skip = 4

    def step(self, action):
        total, done = 0.0, False
        for _ in range(self.skip):
            reward, done = super().step(action)
            total += reward
            if done:
                break
        return total, done


class Breakout(FrameSkipMixin, GrayCropMixin, PixelEnv):
    pass
