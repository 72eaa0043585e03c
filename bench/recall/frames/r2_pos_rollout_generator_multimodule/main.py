"""Collect an offline dataset of camera frames from a vectorised env."""
from envs import DictObsVecEnv
from rollout import random_policy, rollout
from storage import EpisodeWriter


def collect_dataset(n_steps=60):
    env = DictObsVecEnv()
    writer = EpisodeWriter()
    for obs, rewards, dones in rollout(env, random_policy(6), n_steps, warmup=2):
        writer.add(obs, rewards)
    return writer


def scenario():
    return collect_dataset()
