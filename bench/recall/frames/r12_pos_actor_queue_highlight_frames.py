"""Highlight frames from an actor loop that feeds a learner through a `queue.Queue`: the actor steps a
frame-stacking environment (each step returns a freshly stacked observation of the last four RGB
frames), and whenever the reward crosses a threshold it puts `(step, obs[-1, ::2, ::2])`, a
half-resolution copy of the newest frame for the highlight reel, on the queue; the learner side
drains the queue with `get_nowait()` after the rollout.  Written after actor/learner RL code
(IMPALA/Ape-X style actors putting transitions on a `Queue` consumed by a learner thread); the
environment is a seeded random stand-in for an Atari-style frame stack."""
import queue

import numpy as np


class FrameStackEnv:
    def __init__(self, height=210, width=160, k=4, seed=0):
        self.shape = (height, width, 3)
        self.k = k
        self.rng = np.random.default_rng(seed)
        self.frames = []

    def _frame(self):
        return self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)

    def reset(self):
        self.frames = [self._frame() for _ in range(self.k)]
        return np.stack(self.frames)

    def step(self, action):
        self.frames = self.frames[1:] + [self._frame()]
        reward = float(self.rng.random() < 0.4) * (1 + action)
        done = self.rng.random() < 0.01
        return np.stack(self.frames), reward, done


class Actor:
    def __init__(self, env, sink, threshold=1.0):
        self.env = env
        self.sink = sink
        self.threshold = threshold

    def run(self, n_steps):
        obs = self.env.reset()
        for t in range(n_steps):
            action = t % 3
            obs, reward, done = self.env.step(action)
            if reward >= self.threshold:
                self.sink.put((t, obs[-1, ::2, ::2]))  # expect: VL002
            if done:
                obs = self.env.reset()


def scenario():
    highlights = queue.Queue()
    Actor(FrameStackEnv(), highlights).run(300)
    reel = []
    while True:
        try:
            reel.append(highlights.get_nowait())
        except queue.Empty:
            break
    return reel
