import numpy as np

from env import PixelGridWorld
from recorder import EpisodeRecorder


def run_random_agent(n_episodes=3, seed=0):
    env = PixelGridWorld(seed=seed)
    rng = np.random.default_rng(seed)
    recorder = EpisodeRecorder(stride=4)
    for _ in range(n_episodes):
        frame = env.reset()
        recorder.add_frame(frame)
        done = False
        while not done:
            frame, _, done, _ = env.step(int(rng.integers(4)))
            recorder.add_frame(frame)
        recorder.end_episode()
    return recorder


def scenario():
    return run_random_agent().episodes
