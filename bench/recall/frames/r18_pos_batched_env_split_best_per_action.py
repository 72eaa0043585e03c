"""Per-action gallery of the best-rewarded observation of each step, from an envpool-style batched
environment that returns all sub-environments' observations as one (n_envs, 84, 84) array made anew
at every step.  The rollout splits it per environment with `np.split(obs, n_envs)` (views), picks the
environment with the highest reward, and files its piece under the action taken in a
`collections.defaultdict(list)`.  Each kept piece is 1/n_envs of the step's array and pins all of it.
Written after vectorized-env rollout loops in RL training repositories that split batched
observations per env (`np.split(obs, num_envs)`) and group transitions by action for inspection."""
import collections

import numpy as np

N_ENVS = 32


class BatchedArcade:
    """A stand-in for an envpool/SubprocVecEnv batch: one fresh uint8 array for all envs per step."""

    def __init__(self, num_envs, seed=0):
        self.num_envs = num_envs
        self.rng = np.random.default_rng(seed)

    def reset(self):
        return self.rng.integers(0, 256, size=(self.num_envs, 84, 84), dtype=np.uint8)

    def step(self, actions):
        obs = self.rng.integers(0, 256, size=(self.num_envs, 84, 84), dtype=np.uint8)
        rewards = self.rng.standard_normal(self.num_envs) + 0.1 * actions
        dones = self.rng.random(self.num_envs) < 0.02
        return obs, rewards, dones, {}


def scenario(n_steps=300, n_actions=6):
    env = BatchedArcade(N_ENVS, seed=0)
    rng = np.random.default_rng(1)
    obs = env.reset()
    by_action = collections.defaultdict(list)
    counts = collections.Counter()
    for step in range(n_steps):
        actions = rng.integers(0, n_actions, size=N_ENVS)
        obs, rewards, dones, _ = env.step(actions)
        per_env = np.split(obs, N_ENVS)
        best = int(np.argmax(rewards))
        action = int(actions[best])
        by_action[action].append(per_env[best])  # expect: VL002
        counts[action] += 1
    return dict(by_action), counts
