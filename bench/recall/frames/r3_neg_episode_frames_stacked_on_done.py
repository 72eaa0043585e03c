"""Episode recorder that gathers cropped frames during an episode and stacks them into one array
when the episode ends (the per-step views are dropped)."""
import itertools

import numpy as np


class DrivingSim:
    """Stand-in for a driving simulator rendering a dashboard camera frame each tick."""

    def __init__(self, episode_len=30, shape=(200, 300, 3), seed=2):
        self.episode_len = episode_len
        self.shape = shape
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)

    def step(self, steer):
        self.t += 1
        frame = self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)
        return frame, self.t >= self.episode_len


class EpisodeRecorder:
    def __init__(self, road_roi=(120, 184, 100, 200)):
        self.road_roi = road_roi
        self.episodes = []

    def _road(self, frame):
        top, bottom, left, right = self.road_roi
        return frame[top:bottom, left:right]

    def record(self, env, n_episodes=3):
        for _ in range(n_episodes):
            frame = env.reset()
            clip = []
            for tick in itertools.count():
                clip.append(self._road(frame))
                frame, done = env.step(steer=0.1 * np.sin(tick))
                if done:
                    self.episodes.append(np.stack(clip))
                    break
        return self.episodes


def scenario():
    return EpisodeRecorder().record(DrivingSim())
