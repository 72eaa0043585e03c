"""A tiny grid-world with pixel observations (stand-in for a gym env with render_mode='rgb_array')."""
import numpy as np


class PixelGridWorld:
    def __init__(self, size=8, cell=64, seed=0):
        self.size = size
        self.cell = cell
        self.rng = np.random.default_rng(seed)
        self.agent = np.zeros(2, dtype=int)
        self.steps = 0

    def reset(self):
        self.agent[:] = 0
        self.steps = 0
        return self.render()

    def render(self):
        side = self.size * self.cell
        canvas = np.full((side, side, 3), 255, dtype=np.uint8)
        y, x = self.agent * self.cell
        canvas[y:y + self.cell, x:x + self.cell] = (255, 0, 0)
        return canvas

    def step(self, action):
        moves = np.array([[0, 1], [1, 0], [0, -1], [-1, 0]])
        self.agent = np.clip(self.agent + moves[action], 0, self.size - 1)
        self.steps += 1
        done = bool((self.agent == self.size - 1).all()) or self.steps >= 40
        return self.render(), -0.01, done, {}
