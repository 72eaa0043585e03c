"""Start-state gallery for a DQN agent: the agent's frame stack is a `collections.deque(maxlen=4)` of
preprocessed frames, and when an episode ends the stack that started it is kept (`tuple(stack)`) to
replay the opening later.  Each preprocessed frame is `np.ascontiguousarray(...)` of a strided crop of
the raw HxWx3 screen moved to channels-first (`obs[34:194:4, ::4].transpose(2, 0, 1)`): that view is
not contiguous, so `ascontiguousarray` copies it, and the kept stacks hold nothing of the raw screens.
The clean look-alike of a contiguous row band passed through `ascontiguousarray`.  Written after
Atari wrappers that crop `[34:194]`, downsample `[::4, ::4]`, move channels first and keep a
`deque(maxlen=k)` of frames."""
from collections import deque

import numpy as np

STACK = 4


def preprocess(obs):
    return np.ascontiguousarray(obs[34:194:4, ::4].transpose(2, 0, 1))


class PongStandIn:
    def __init__(self, seed=0, shape=(210, 160, 3)):
        self.rng = np.random.default_rng(seed)
        self.shape = shape
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)

    def step(self, action):
        self.t += 1
        return self.rng.integers(0, 256, size=self.shape, dtype=np.uint8), 0.0, self.t >= 60


def scenario(episodes=80):
    env = PongStandIn(seed=4)
    openings = []
    for _ in range(episodes):
        stack = deque(maxlen=STACK)
        stack.append(preprocess(env.reset()))
        opening = None
        done = False
        while not done:
            obs, _, done = env.step(0)
            stack.append(preprocess(obs))
            if opening is None and len(stack) == STACK:
                opening = tuple(stack)
        openings.append(opening)
    return openings
