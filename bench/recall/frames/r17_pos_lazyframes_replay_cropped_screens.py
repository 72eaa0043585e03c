"""DQN on Atari with the baselines-style memory-saving frame stack: `FrameStack` keeps the last k
processed frames in a `deque(maxlen=k)` and returns them as `LazyFrames(list(self.frames))`, which
concatenates only when the network reads it, so the replay buffer stores each frame once.  Here the
preprocessing wrapper crops and downsamples by slicing, `screen[34:194:2, ::2, 1:2]` (the playfield,
every other row and column, the green channel), instead of `cv2.resize`: each processed frame is a
strided view of the fresh 210x160x3 screen the emulator rendered, and the replay buffer (a list that
grows until capacity, then overwritten in a ring) holds every LazyFrames, so every screen stays alive.
Written after baselines' atari_wrappers (`LazyFrames`, `FrameStack`, `WarpFrame`) and its
`ReplayBuffer.add` with `_storage`/`_next_idx`."""
from collections import deque

import numpy as np


class FakeAtari:
    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def _screen(self):
        return self.rng.integers(0, 256, size=(210, 160, 3), dtype=np.uint8)

    def reset(self):
        self.t = 0
        return self._screen()

    def step(self, action):
        self.t += 1
        return self._screen(), float(action == 1), self.t >= 500, {}


class WarpFrame:
    def __init__(self, env):
        self.env = env

    def observation(self, screen):
        return screen[34:194:2, ::2, 1:2]

    def reset(self):
        return self.observation(self.env.reset())

    def step(self, action):
        screen, reward, done, info = self.env.step(action)
        return self.observation(screen), reward, done, info


class LazyFrames:
    def __init__(self, frames):
        self._frames = frames
        self._out = None

    def _force(self):
        if self._out is None:
            self._out = np.concatenate(self._frames, axis=-1)
            self._frames = None
        return self._out

    def __array__(self, dtype=None):
        out = self._force()
        return out.astype(dtype) if dtype is not None else out


class FrameStack:
    def __init__(self, env, k):
        self.env = env
        self.k = k
        self.frames = deque([], maxlen=k)

    def reset(self):
        ob = self.env.reset()
        for _ in range(self.k):
            self.frames.append(ob)
        return self._get_ob()

    def step(self, action):
        ob, reward, done, info = self.env.step(action)
        self.frames.append(ob)
        return self._get_ob(), reward, done, info

    def _get_ob(self):
        return LazyFrames(list(self.frames))


class ReplayBuffer:
    def __init__(self, size):
        self._storage = []
        self._maxsize = size
        self._next_idx = 0

    def __len__(self):
        return len(self._storage)

    def add(self, obs_t, action, reward, obs_tp1, done):
        data = (obs_t, action, reward, obs_tp1, done)
        if self._next_idx >= len(self._storage):
            self._storage.append(data)  # expect: VL002
        else:
            self._storage[self._next_idx] = data
        self._next_idx = (self._next_idx + 1) % self._maxsize


def scenario(n_steps=400):
    env = FrameStack(WarpFrame(FakeAtari(seed=1)), k=4)
    buffer = ReplayBuffer(100_000)
    rng = np.random.default_rng(0)
    obs = env.reset()
    for t in range(n_steps):
        action = int(rng.integers(0, 4))
        new_obs, reward, done, _ = env.step(action)
        buffer.add(obs, action, reward, new_obs, float(done))
        obs = env.reset() if done else new_obs
    return buffer
