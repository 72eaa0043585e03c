"""Rendered frames collected per episode by a `RenderCollection`-style wrapper, converted from the
renderer's BGR order to RGB with `frame[..., ::-1]` before they are kept.  The flipped frame is a
view, but of every byte of its frame: the frames list keeps exactly what it shows.  At each reset
the wrapper hands the previous episode's frames to the caller (`pop_frames`), which keeps the
episodes whose return beats the best so far, for a highlight reel.  Written after Gymnasium's
`RenderCollection` wrapper (frames appended in `step`, `pop_frames` on `reset`) and the OpenCV-based
recorders that flip BGR to RGB with `[..., ::-1]` before writing videos."""
import numpy as np


class BgrRenderer:
    """A stand-in for an OpenCV-backed renderer: one new (96, 96, 3) BGR frame per call."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def draw(self):
        return self.rng.integers(0, 255, size=(96, 96, 3), dtype=np.uint8)


class CartEnv:
    def __init__(self, horizon=50, seed=0):
        self.renderer = BgrRenderer(seed)
        self.rng = np.random.default_rng(seed + 1)
        self.horizon = horizon
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.standard_normal(4)

    def step(self, action):
        self.t += 1
        return self.rng.standard_normal(4), float(self.rng.random()), self.t >= self.horizon

    def render(self):
        return self.renderer.draw()


class RenderCollection:
    def __init__(self, env, pop_frames=True):
        self.env = env
        self.pop_frames = pop_frames
        self.frame_list = []

    def _collect(self):
        frame = self.env.render()
        self.frame_list.append(frame[..., ::-1])

    def reset(self):
        obs = self.env.reset()
        self.frame_list = []
        self._collect()
        return obs

    def step(self, action):
        obs, reward, done = self.env.step(action)
        self._collect()
        return obs, reward, done

    def render(self):
        frames = self.frame_list
        if self.pop_frames:
            self.frame_list = []
        return frames


def scenario(n_episodes=12):
    env = RenderCollection(CartEnv())
    highlights, best = [], -np.inf
    for _ in range(n_episodes):
        env.reset()
        done, total = False, 0.0
        while not done:
            _, reward, done = env.step(0)
            total += reward
        frames = env.render()
        if total > best:
            best = total
            highlights.append(frames)
    return highlights
