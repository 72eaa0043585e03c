"""Evaluation episode recorder for a dm_control-style environment with dict observations.

Only a region of interest of the rendered pixels is kept for the report's filmstrip.
"""
from typing import List, NamedTuple

import numpy as np


class Episode(NamedTuple):
    frames: List[np.ndarray]
    rewards: List[float]

    @property
    def total_reward(self):
        return float(sum(self.rewards))


class PixelReacherEnv:
    """Stand-in for a pixel-observation wrapper: each observation holds a freshly rendered frame."""

    def __init__(self, height=240, width=320, episode_len=60, seed=3):
        self.height, self.width = height, width
        self.episode_len = episode_len
        self.rng = np.random.default_rng(seed)
        self.t = 0
        self.closed = False

    def _obs(self):
        return {
            "pixels": self.rng.integers(0, 256, size=(self.height, self.width, 3), dtype=np.uint8),
            "state": self.rng.standard_normal(8),
        }

    def reset(self):
        self.t = 0
        return self._obs()

    def step(self, action):
        self.t += 1
        reward = float(-np.abs(action).sum())
        return self._obs(), reward, self.t >= self.episode_len, {}

    def close(self):
        self.closed = True


def linear_policy(weights):
    def act(state):
        return np.tanh(weights @ state)
    return act


def record_episode(env, policy, *, max_steps=500, crop=None):
    frames, rewards = [], []
    obs = env.reset()
    try:
        for _ in range(max_steps):
            pixels = obs["pixels"]
            if crop is not None:
                top, bottom, left, right = crop
                pixels = pixels[top:bottom, left:right]
            frames.append(pixels)  # expect: VL002
            obs, reward, done, _ = env.step(policy(obs["state"]))
            rewards.append(reward)
            if done:
                break
    finally:
        env.close()
    return Episode(frames=frames, rewards=rewards)


def scenario():
    policy = linear_policy(np.random.default_rng(0).standard_normal((2, 8)))
    episodes = []
    for seed in range(2):
        env = PixelReacherEnv(seed=seed)
        episodes.append(record_episode(env, policy, crop=(96, 144, 128, 192)))
    episodes.sort(key=lambda ep: ep.total_reward, reverse=True)
    return episodes
