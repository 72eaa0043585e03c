"""Episode thumbnails for a dm_env-style control task: the environment returns an
`ExtendedTimeStep` (a `typing.NamedTuple` with `first()`/`last()` and `__getitem__` that reads a
field with `getattr`), whose observation is an `OrderedDict` holding the rendered `pixels` and the
proprioceptive state.  An evaluation recorder keeps a 1/4-resolution thumbnail of every step in a
`collections.deque()` created without `maxlen` for the video summary written at the end of the run.
Written after the dm_control / DrQ-v2 style wrappers (`ExtendedTimeStep`, `time_step['observation']`)
and their video recorders; `render` is a seeded stand-in for MuJoCo's renderer (new frame per call)."""
from collections import OrderedDict, deque
from enum import IntEnum
from typing import Any, NamedTuple

import numpy as np


class StepType(IntEnum):
    FIRST = 0
    MID = 1
    LAST = 2


class ExtendedTimeStep(NamedTuple):
    step_type: Any
    reward: Any
    discount: Any
    observation: Any
    action: Any

    def first(self):
        return self.step_type == StepType.FIRST

    def last(self):
        return self.step_type == StepType.LAST

    def __getitem__(self, attr):
        return getattr(self, attr)


class ReacherEnv:
    def __init__(self, size=240, horizon=50, seed=0):
        self.size = size
        self.horizon = horizon
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def render(self):
        return self.rng.integers(0, 256, size=(self.size, self.size, 3), dtype=np.uint8)

    def _observe(self):
        return OrderedDict(pixels=self.render(), position=self.rng.standard_normal(2))

    def reset(self):
        self.t = 0
        return ExtendedTimeStep(StepType.FIRST, 0.0, 1.0, self._observe(), np.zeros(2))

    def step(self, action):
        self.t += 1
        kind = StepType.LAST if self.t >= self.horizon else StepType.MID
        reward = float(-np.abs(action).sum())
        return ExtendedTimeStep(kind, reward, 1.0, self._observe(), action)


class VideoRecorder:
    def __init__(self, every=4):
        self.every = every
        self.frames = deque()

    def record(self, time_step):
        pixels = time_step["observation"]["pixels"]
        self.frames.append(pixels[:: self.every, :: self.every])  # expect: VL002


def evaluate(env, recorder, episodes=6, seed=1):
    rng = np.random.default_rng(seed)
    returns = []
    for _ in range(episodes):
        time_step = env.reset()
        recorder.record(time_step)
        total = 0.0
        while not time_step.last():
            time_step = env.step(rng.uniform(-1, 1, size=2))
            recorder.record(time_step)
            total += time_step.reward
        returns.append(total)
    return returns


def scenario():
    recorder = VideoRecorder()
    returns = evaluate(ReacherEnv(), recorder)
    return returns, recorder.frames
