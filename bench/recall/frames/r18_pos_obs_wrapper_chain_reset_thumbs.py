"""Episode-start thumbnails kept by the outermost wrapper of a Gym-style wrapper chain.  The pixel
environment renders a fresh RGBA frame per step; `DropAlpha` and `ImageToPyTorch` are
`ObservationWrapper` subclasses whose `observation()` hooks return `obs[..., :3]` and
`np.moveaxis(obs, 2, 0)` (both views), called by the base class's `reset`/`step` template methods.  A
dashboard wrapper on top keeps a strided preview of the first channel of each episode's first
observation: `obs[0, ::s, ::s]` is a view of the whole RGBA frame, so the preview list pins one full
frame per episode.  Written after the `ImageToPyTorch`/`TransposeImage` observation wrappers of
Atari/MiniGrid training repositories (`return np.moveaxis(observation, 2, 0)`) and the
episode-recording wrappers that sit above them."""
import numpy as np


class PixelEnv:
    """A stand-in for a rendered environment: a new 128x128 RGBA frame per step."""

    def __init__(self, seed, size=128):
        self.rng = np.random.default_rng(seed)
        self.size = size
        self.t = 0
        self.horizon = 1

    def _render(self):
        return self.rng.integers(0, 256, size=(self.size, self.size, 4), dtype=np.uint8)

    def reset(self, seed=None):
        self.t = 0
        self.horizon = int(self.rng.integers(4, 12))
        return self._render(), {}

    def step(self, action):
        self.t += 1
        reward = 1.0 if action == self.t % 4 else 0.0
        return self._render(), reward, self.t >= self.horizon, False, {}


class Wrapper:
    def __init__(self, env):
        self.env = env

    def reset(self, **kwargs):
        return self.env.reset(**kwargs)

    def step(self, action):
        return self.env.step(action)


class ObservationWrapper(Wrapper):
    def reset(self, **kwargs):
        obs, info = self.env.reset(**kwargs)
        return self.observation(obs), info

    def step(self, action):
        obs, reward, terminated, truncated, info = self.env.step(action)
        return self.observation(obs), reward, terminated, truncated, info

    def observation(self, observation):
        raise NotImplementedError


class DropAlpha(ObservationWrapper):
    def observation(self, observation):
        return observation[..., :3]


class ImageToPyTorch(ObservationWrapper):
    def observation(self, observation):
        return np.moveaxis(observation, 2, 0)


class EpisodeStartPreviews(Wrapper):
    """Keeps a small preview of every episode's first observation for the training dashboard."""

    def __init__(self, env, stride=8):
        super().__init__(env)
        self.stride = stride
        self.previews = []
        self.episode_returns = []
        self._ret = 0.0

    def reset(self, **kwargs):
        obs, info = self.env.reset(**kwargs)
        self.previews.append(obs[0, ::self.stride, ::self.stride])  # expect: VL002
        self._ret = 0.0
        return obs, info

    def step(self, action):
        obs, reward, terminated, truncated, info = self.env.step(action)
        self._ret += reward
        if terminated or truncated:
            self.episode_returns.append(self._ret)
        return obs, reward, terminated, truncated, info


def scenario(n_episodes=400):
    env = EpisodeStartPreviews(ImageToPyTorch(DropAlpha(PixelEnv(seed=0))), stride=8)
    rng = np.random.default_rng(1)
    for episode in range(n_episodes):
        obs, _ = env.reset(seed=episode)
        done = False
        while not done:
            action = int(rng.integers(0, 4))
            obs, reward, terminated, truncated, _ = env.step(action)
            done = terminated or truncated
    return env.previews, env.episode_returns
