"""Rollout collection with an abstract observation wrapper whose subclass downsamples the frame;
the hook returns a contiguous copy (`.contiguous()` of a strided slice), so each stored
observation owns its small buffer."""
import abc
from dataclasses import dataclass, field

import torch


class PixelEnv:
    """Stand-in for a gym env with render_mode='rgb_array'."""

    def __init__(self, side=256, horizon=30, seed=5):
        self.side = side
        self.horizon = horizon
        self.gen = torch.Generator().manual_seed(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return torch.randint(0, 256, (3, self.side, self.side), generator=self.gen, dtype=torch.uint8)

    def step(self, action):
        self.t += 1
        obs = torch.randint(0, 256, (3, self.side, self.side), generator=self.gen, dtype=torch.uint8)
        return obs, float(action), self.t >= self.horizon


@dataclass
class Episode:
    frames: list = field(default_factory=list)
    returns: float = 0.0


class ObservationWorker(abc.ABC):
    def __init__(self, env):
        self.env = env
        self.episodes = []

    @abc.abstractmethod
    def process(self, obs):
        ...

    def collect(self, n_episodes):
        with torch.no_grad():
            for ep_idx in range(n_episodes):
                ep = Episode()
                obs, done = self.env.reset(), False
                while not done:
                    ep.frames.append(self.process(obs))
                    obs, reward, done = self.env.step(ep_idx % 4)
                    ep.returns += reward
                self.episodes.append(ep)
        return self.episodes


class DownsampleWorker(ObservationWorker):
    def __init__(self, env, factor=8):
        super().__init__(env)
        self.factor = factor

    def process(self, obs):
        return obs[:, ::self.factor, ::self.factor].contiguous()


def scenario():
    episodes = DownsampleWorker(PixelEnv()).collect(n_episodes=3)
    return [ep.frames for ep in episodes]
