"""Episode cache for an off-policy learner: finished episodes are kept by id in an OrderedDict used
as an LRU, so recently sampled episodes stay hot; the cache evicts the least recently used episode
once it holds `capacity` of them.  Each entry keeps the last observation of the episode (a view of
the episode's stacked observations) for bootstrapping."""
from collections import OrderedDict

import numpy as np


class PixelEnv:
    def __init__(self, seed, horizon=30):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon

    def rollout(self):
        obs = self.rng.random((self.horizon, 64, 64, 3), dtype=np.float32)
        rewards = self.rng.random(self.horizon).astype(np.float32)
        return obs, rewards


class EpisodeCache:
    def __init__(self, capacity=3):
        self.capacity = capacity
        self._episodes = OrderedDict()

    def put(self, episode_id, obs, rewards):
        self._episodes[episode_id] = {"bootstrap_obs": obs[-1], "return": float(rewards.sum())}
        self._episodes.move_to_end(episode_id)
        while len(self._episodes) > self.capacity:
            self._episodes.popitem(last=False)

    def get(self, episode_id):
        entry = self._episodes.get(episode_id)
        if entry is not None:
            self._episodes.move_to_end(episode_id)
        return entry

    def values(self):
        return list(self._episodes.values())


def collect(n_episodes=24):
    cache = EpisodeCache(capacity=3)
    for episode_id in range(n_episodes):
        obs, rewards = PixelEnv(seed=episode_id).rollout()
        cache.put(episode_id, obs, rewards)
        if episode_id % 5 == 0:
            cache.get(max(0, episode_id - 2))
    return cache


def scenario():
    return collect().values()
