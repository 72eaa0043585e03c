"""Parallel evaluation rollouts: each worker process runs one episode of a (stand-in) gym env and
returns the stacked observations; the parent then walks the returned episodes and keeps the final
observation of each one for a "terminal states" gallery."""
import multiprocessing as mp

import numpy as np


class PixelEnv:
    """Stand-in for a gym env with 64x64 RGB float32 observations."""

    def __init__(self, seed, horizon=50):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.random((64, 64, 3), dtype=np.float32)

    def step(self, action):
        self.t += 1
        obs = self.rng.random((64, 64, 3), dtype=np.float32)
        return obs, float(action == 1), self.t >= self.horizon, {}


def rollout(seed):
    env = PixelEnv(seed)
    rng = np.random.default_rng(seed + 1000)
    obs = env.reset()
    observations, rewards = [obs], []
    done = False
    while not done:
        obs, reward, done, _ = env.step(int(rng.integers(3)))
        observations.append(obs)
        rewards.append(reward)
    return {"obs": np.stack(observations), "rewards": np.asarray(rewards), "seed": seed}


def evaluate(seeds, processes=2):
    ctx = mp.get_context("fork")
    with ctx.Pool(processes) as pool:
        episodes = pool.map(rollout, seeds)
    gallery = []
    returns = {}
    for rank, (seed, ep) in enumerate(zip(seeds, episodes), start=1):
        returns[seed] = float(ep["rewards"].sum())
        gallery.append((rank, seed, ep["obs"][-1]))  # expect: VL002
    return gallery, returns


def scenario():
    return evaluate(list(range(24)))
