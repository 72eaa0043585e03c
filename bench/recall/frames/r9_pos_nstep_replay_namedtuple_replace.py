"""N-step DQN replay for an Atari-style pixel environment: transitions wait in a short deque until
n rewards are known, then the oldest one is folded into an n-step transition with
`first._replace(reward=ret, next_state=last.next_state, done=last.done)` and pushed into the replay
memory.  The observations are the usual playfield crop of the emulator frame (every second row and
column of rows 35..195, one channel), taken with basic slicing.  Written after n-step replay memories
in DQN/Rainbow projects (a `Transition` namedtuple, a `deque(maxlen=n)` staging buffer, `_replace` to
build the n-step record); the environment is a NumPy stand-in rendering a new frame every step."""
from collections import deque, namedtuple

import numpy as np

Transition = namedtuple("Transition", ("state", "action", "reward", "next_state", "done"))


class PixelEnv:
    """Renders a fresh 210x160 RGB frame per reset/step, as emulator-backed envs do."""

    def __init__(self, horizon=50, seed=0):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon
        self.t = 0

    def _frame(self):
        return self.rng.random((210, 160, 3), dtype=np.float32)

    def reset(self):
        self.t = 0
        return self._frame()

    def step(self, action):
        self.t += 1
        return self._frame(), float(self.rng.random() < 0.1), self.t >= self.horizon


def preprocess(frame):
    return frame[35:195:2, ::2, 0]


class NStepReplay:
    def __init__(self, capacity=100_000, n_step=3, gamma=0.99):
        self.capacity = capacity
        self.memory = []
        self.staging = deque(maxlen=n_step)
        self.n_step = n_step
        self.gamma = gamma

    def push(self, *args):
        self.staging.append(Transition(*args))
        if len(self.staging) < self.n_step:
            return
        ret = sum(self.gamma ** k * t.reward for k, t in enumerate(self.staging))
        first, last = self.staging[0], self.staging[-1]
        if len(self.memory) < self.capacity:
            self.memory.append(first._replace(reward=ret, next_state=last.next_state, done=last.done))  # expect: VL002


def scenario():
    env = PixelEnv()
    replay = NStepReplay()
    rng = np.random.default_rng(1)
    for _ in range(4):
        state = preprocess(env.reset())
        done = False
        while not done:
            action = int(rng.integers(4))
            frame, reward, done = env.step(action)
            next_state = preprocess(frame)
            replay.push(state, action, reward, next_state, done)
            state = next_state
    return replay.memory
