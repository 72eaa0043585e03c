"""Game-playing agent evaluation: the minimap corner of each rendered frame is kept per episode."""
from dataclasses import dataclass, field

import numpy as np


class ArcadeEnv:
    """Minimal gymnasium-style env stand-in; render() returns a fresh 480x640 RGB frame."""

    def __init__(self, max_steps=30, seed=3):
        self.max_steps = max_steps
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self, seed=None):
        self.t = 0
        return self.rng.standard_normal(8), {}

    def step(self, action):
        self.t += 1
        obs = self.rng.standard_normal(8)
        reward = float(self.rng.random())
        terminated = self.t >= self.max_steps
        return obs, reward, terminated, False, {"lives": 3}

    def render(self):
        return self.rng.integers(0, 256, size=(480, 640, 3), dtype=np.uint8)


@dataclass
class Episode:
    seed: int
    minimaps: list = field(default_factory=list)
    rewards: list = field(default_factory=list)

    @property
    def ret(self):
        return sum(self.rewards)


MINIMAP = (slice(0, 60), slice(0, 80))


def run_episode(env, seed, policy):
    ep = Episode(seed=seed)
    obs, info = env.reset(seed=seed)
    while True:
        obs, reward, terminated, truncated, info = env.step(policy(obs))
        frame = env.render()
        ep.minimaps.append(frame[MINIMAP])  # expect: VL002
        ep.rewards.append(reward)
        if terminated or truncated:
            break
    return ep


def scenario():
    env = ArcadeEnv()
    policy = lambda obs: int(obs.argmax()) % 4
    return [run_episode(env, s, policy) for s in range(2)]
