"""Prioritised experience replay over a batched env: the most surprising transition of each step is kept."""
import heapq
import itertools

import torch


class BatchedPixelEnv:
    """Stand-in for a batched simulator returning (num_envs, 3, 64, 64) float observations."""

    def __init__(self, num_envs=32, seed=0):
        self.num_envs = num_envs
        self.gen = torch.Generator().manual_seed(seed)

    def reset(self):
        return torch.rand(self.num_envs, 3, 64, 64, generator=self.gen)

    def step(self, actions):
        obs = torch.rand(self.num_envs, 3, 64, 64, generator=self.gen)
        reward = torch.randn(self.num_envs, generator=self.gen)
        done = torch.zeros(self.num_envs, dtype=torch.bool)
        return obs, reward, done


class PrioritizedReplay:
    def __init__(self):
        self.heap = []
        self._tie = itertools.count()

    def push(self, priority, obs, action, reward):
        heapq.heappush(self.heap, (-priority, next(self._tie), obs, action, reward))

    def pop_best(self, k):
        return [heapq.heappop(self.heap) for _ in range(min(k, len(self.heap)))]


def collect(env, replay, steps=40):
    obs = env.reset()
    for _ in range(steps):
        actions = torch.randint(0, 4, (env.num_envs,))
        next_obs, reward, done = env.step(actions)
        td_error = (reward - reward.mean()).abs()
        i = int(td_error.argmax())
        replay.push(float(td_error[i]), next_obs[i], int(actions[i]), float(reward[i]))  # expect: VL002
        obs = next_obs
    return replay


def scenario():
    replay = collect(BatchedPixelEnv(), PrioritizedReplay())
    return replay.heap
