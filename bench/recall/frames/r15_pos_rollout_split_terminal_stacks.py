"""Failure gallery for a pixel-based PPO agent: every update collects a fixed-length rollout from a
single environment into one array (`np.stack` of the step observations) beside a `dones` vector, cuts
it into episodes with `np.split(obs, np.flatnonzero(dones) + 1)`, and, for the episodes that ended
early (the agent died fast), keeps the last frame stack before the end, built with
`numpy.lib.stride_tricks.sliding_window_view(episode, STACK, axis=0)` as the agent's frame-stacking
wrapper does.  The window is a view of the episode, which is a view of the whole rollout array: every
update with one short episode pins its whole rollout.  Written after rollout buffers of small PPO/A2C
implementations that split flat trajectories on the done flags (`np.split(..., np.where(dones)[0] + 1)`)
and frame stacks built with `sliding_window_view` in place of a deque."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

STACK = 4
SHORT = 48


class CatcherEnv:
    """A stand-in for a pixel environment: a fresh 84x84 grey frame per step, episodes of random length."""

    def __init__(self, seed=0, size=84):
        self.rng = np.random.default_rng(seed)
        self.size = size
        self._left = 0

    def reset(self):
        self._left = int(self.rng.integers(12, 160))
        return self._render()

    def _render(self):
        return self.rng.integers(0, 256, size=(self.size, self.size), dtype=np.uint8)

    def step(self, action):
        self._left -= 1
        done = self._left <= 0
        reward = float(action == 1)
        return self._render(), reward, done


def collect_rollout(env, obs, n_steps, rng):
    frames, dones = [], []
    for _ in range(n_steps):
        frames.append(obs)
        obs, _, done = env.step(int(rng.integers(0, 3)))
        dones.append(done)
        if done:
            obs = env.reset()
    return np.stack(frames), np.asarray(dones), obs


def scenario(n_updates=12, n_steps=512):
    rng = np.random.default_rng(1)
    env = CatcherEnv(seed=2)
    obs = env.reset()
    gallery = []
    for update in range(n_updates):
        rollout, dones, obs = collect_rollout(env, obs, n_steps, rng)
        episodes = np.split(rollout, np.flatnonzero(dones) + 1)
        for episode in episodes[:-1]:
            if STACK <= len(episode) <= SHORT:
                stacks = sliding_window_view(episode, STACK, axis=0)
                gallery.append(stacks[-1])  # expect: VL002
    return gallery
