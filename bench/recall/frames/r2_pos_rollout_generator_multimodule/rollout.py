"""Rollout generators: yield transitions step by step so callers can log or store them."""
import numpy as np


def _steps(env, policy, n_steps):
    obs = env.reset()
    for _ in range(n_steps):
        actions = policy(obs)
        next_obs, rewards, dones, info = env.step(actions)
        yield next_obs, rewards, dones
        obs = next_obs


def rollout(env, policy, n_steps, warmup=0):
    if warmup:
        for _ in _steps(env, policy, warmup):
            pass
    yield from _steps(env, policy, n_steps)


def random_policy(num_actions):
    def act(obs):
        n = obs["proprio"].shape[0]
        return np.random.randint(0, num_actions, size=n)
    return act
