"""Replay memory of a small DQN agent kept in a `collections.deque()` created without `maxlen`: the
buffer trims itself in `push` with `popleft()` once it holds more than `capacity` transitions.  Each
transition keeps the newest frame of the next observation stack (`next_stack[-1]`), a view of a stack
the environment makes anew per step, so every kept transition does pin its whole stack; but the
buffer never holds more than `capacity` of them, so what it pins is bounded.  The clean look-alike of
an unbounded list of per-step views.  Written after replay buffers that check
`if len(self.buffer) > self.capacity: self.buffer.popleft()` instead of passing `maxlen=`."""
import random
from collections import deque

import numpy as np


class StackedPong:
    """A stand-in for an Atari environment behind a frame-stack wrapper: a new 4x84x84 stack per step."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        return self._stack()

    def _stack(self):
        return self.rng.integers(0, 256, size=(4, 84, 84), dtype=np.uint8)

    def step(self, action):
        reward = float(self.rng.random() < 0.05)
        done = bool(self.rng.random() < 0.01)
        return self._stack(), reward, done


class ReplayMemory:
    def __init__(self, capacity):
        self.capacity = capacity
        self.buffer = deque()

    def push(self, frame, action, reward, next_frame, done):
        self.buffer.append((frame, action, reward, next_frame, done))
        if len(self.buffer) > self.capacity:
            self.buffer.popleft()

    def sample(self, batch_size):
        return random.sample(list(self.buffer), batch_size)

    def __len__(self):
        return len(self.buffer)


def scenario(n_steps=3000, capacity=32):
    random.seed(0)
    env = StackedPong(seed=1)
    memory = ReplayMemory(capacity)
    stack = env.reset()
    for t in range(n_steps):
        action = t % 6
        next_stack, reward, done = env.step(action)
        memory.push(stack[-1], action, reward, next_stack[-1], done)
        stack = env.reset() if done else next_stack
        if len(memory) >= 16 and t % 50 == 0:
            memory.sample(16)
    return memory
