"""Frame-stacking wrapper: the last k grayscale frames of env 0 are kept in a bounded deque."""
from collections import deque

import numpy as np


class GrayscaleVecEnv:
    def __init__(self, num_envs=8, seed=4):
        self.num_envs = num_envs
        self.rng = np.random.default_rng(seed)

    def reset(self):
        return self.rng.random((self.num_envs, 84, 84), dtype=np.float32)

    def step(self, actions):
        obs = self.rng.random((self.num_envs, 84, 84), dtype=np.float32)
        return obs, np.zeros(self.num_envs), np.zeros(self.num_envs, dtype=bool), {}


class FrameStack:
    def __init__(self, env, k=4):
        self.env = env
        self.k = k
        self.frames = deque([], maxlen=k)

    def reset(self):
        obs = self.env.reset()
        for _ in range(self.k):
            self.frames.append(obs[0])
        return self._get_obs()

    def step(self, action):
        obs, reward, done, info = self.env.step(action)
        self.frames.append(obs[0])
        return self._get_obs(), reward, done, info

    def _get_obs(self):
        return np.stack(self.frames, axis=0)


def scenario():
    wrapper = FrameStack(GrayscaleVecEnv())
    state = wrapper.reset()
    for _ in range(500):
        state, reward, done, info = wrapper.step(np.zeros(8, dtype=np.int64))
    return wrapper
