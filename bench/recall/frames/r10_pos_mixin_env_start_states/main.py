"""Rollouts of a pixel environment built from mixins (`FrameSkipMixin`, `GrayCropMixin` with an
`observation` property cropping and downsampling the screen), with episode statistics kept in
another module's globals: the first observation of every episode goes to `stats.START_STATES`
for a start-state diversity plot.  Each start observation is a strided slice of that episode's
whole rendered screen.  Written after RL codebases that build environments from mixins (rlpyt-style
Atari mixins, gym wrappers exposing the observation as a property) and keep run statistics in a
module."""
import numpy as np

import stats
from envs import Breakout


def run(n_episodes=80, seed=1):
    env = Breakout()
    rng = np.random.default_rng(seed)
    for _ in range(n_episodes):
        env.reset()
        stats.on_reset(env.observation)
        ret, done = 0.0, False
        while not done:
            reward, done = env.step(int(rng.integers(4)))
            ret += reward
        stats.on_episode_end(ret)
    return stats.START_STATES


def scenario():
    return run()
