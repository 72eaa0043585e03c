"""Atari frame skipping with max-pooling over the last two raw frames, as the `MaxAndSkipEnv` wrapper
does to remove sprite flicker: the two newest screens go into a preallocated `(2, H, W, C)` buffer and
the wrapper returns `np.maximum(buf[0], buf[1])`, a new array; the evaluation script keeps a
half-resolution flicker-free preview per step, `np.maximum(prev[::2, ::2], screen[::2, ::2])`, also a
new array.  Both look like strided views of big screens being kept, but `np.maximum` writes a fresh
result, so each kept preview holds only itself.  Written after baselines' `MaxAndSkipEnv` and
evaluation scripts that keep pooled previews for a highlight reel."""
import numpy as np


class FakeAtari:
    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.integers(0, 256, size=(210, 160, 3), dtype=np.uint8)

    def step(self, action):
        self.t += 1
        screen = self.rng.integers(0, 256, size=(210, 160, 3), dtype=np.uint8)
        return screen, float(action), self.t >= 10_000, {}


class MaxAndSkipEnv:
    def __init__(self, env, skip=4):
        self.env = env
        self._skip = skip
        self._obs_buffer = np.zeros((2, 210, 160, 3), dtype=np.uint8)

    def reset(self):
        return self.env.reset()

    def step(self, action):
        total_reward = 0.0
        done = False
        info = {}
        for i in range(self._skip):
            obs, reward, done, info = self.env.step(action)
            if i == self._skip - 2:
                self._obs_buffer[0] = obs
            if i == self._skip - 1:
                self._obs_buffer[1] = obs
            total_reward += reward
            if done:
                break
        max_frame = np.maximum(self._obs_buffer[0], self._obs_buffer[1])
        return max_frame, total_reward, done, info


def scenario(n_steps=300):
    env = MaxAndSkipEnv(FakeAtari(seed=2), skip=4)
    raw = FakeAtari(seed=5)
    rng = np.random.default_rng(0)
    pooled_frames = []
    previews = []
    prev = raw.reset()
    env.reset()
    for t in range(n_steps):
        frame, reward, done, _ = env.step(int(rng.integers(0, 4)))
        pooled_frames.append(frame)
        screen, _, _, _ = raw.step(0)
        previews.append(np.maximum(prev[::2, ::2], screen[::2, ::2]))
        prev = screen
        if done:
            break
    return pooled_frames, previews
