"""DQN on an Atari-like env: preprocessing returns a compact contiguous array (np.ascontiguousarray)."""
import random
from collections import deque, namedtuple

import numpy as np

Transition = namedtuple("Transition", ["state", "action", "reward", "next_state", "done"])


class FakeAtari:
    """Emulator stand-in: every step renders a fresh 210x160 RGB screen."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.integers(0, 256, (210, 160, 3), dtype=np.uint8)

    def step(self, action):
        self.t += 1
        screen = self.rng.integers(0, 256, (210, 160, 3), dtype=np.uint8)
        return screen, float(action == 1), self.t >= 200, {}


def preprocess(screen):
    return np.ascontiguousarray(screen[34:194:2, ::2, 0])


class ReplayMemory:
    def __init__(self, capacity):
        self.memory = deque(maxlen=capacity)

    def push(self, *args):
        self.memory.append(Transition(*args))

    def __len__(self):
        return len(self.memory)


def collect(env, memory, steps):
    state = preprocess(env.reset())
    for _ in range(steps):
        action = random.randrange(4)
        screen, reward, done, _ = env.step(action)
        next_state = preprocess(screen)
        memory.push(state, action, reward, next_state, done)
        state = next_state
        if done:
            state = preprocess(env.reset())


def scenario():
    memory = ReplayMemory(capacity=100_000)
    collect(FakeAtari(), memory, steps=300)
    return memory
