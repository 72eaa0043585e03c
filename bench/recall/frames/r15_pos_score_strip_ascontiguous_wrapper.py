"""Score-strip recorder for a retro game agent: a gym-style wrapper passes every step through and,
whenever the reward changes, keeps the band of screen rows that shows the score, as training data for
a small digit reader.  The band is taken with `np.ascontiguousarray(obs[SCORE_TOP:SCORE_BOTTOM])`,
which its author meant as a copy; but a band of whole rows of a C-contiguous HxWx3 frame is already
contiguous, so `ascontiguousarray` hands back the same view, and each strip pins the full frame the
environment made at that step.  Written after Atari/retro preprocessing wrappers that crop the screen
with `screen[y0:y1]` and call `np.ascontiguousarray(screen, ...)` before resizing."""
import numpy as np

SCORE_TOP, SCORE_BOTTOM = 186, 196


class RetroStandIn:
    def __init__(self, seed=0, shape=(210, 160, 3)):
        self.rng = np.random.default_rng(seed)
        self.shape = shape
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)

    def step(self, action):
        self.t += 1
        obs = self.rng.integers(0, 256, size=self.shape, dtype=np.uint8)
        reward = 1.0 if self.t % 4 == 0 else 0.0
        done = self.t >= 250
        return obs, reward, done, {"lives": 3}


class ScoreStripRecorder:
    def __init__(self, env):
        self.env = env
        self.strips = []
        self.labels = []
        self.score = 0.0

    def reset(self):
        self.score = 0.0
        return self.env.reset()

    def step(self, action):
        obs, reward, done, info = self.env.step(action)
        if reward:
            self.score += reward
            strip = np.ascontiguousarray(obs[SCORE_TOP:SCORE_BOTTOM])
            self.strips.append(strip)  # expect: VL002
            self.labels.append(int(self.score))
        return obs, reward, done, info


def scenario(episodes=4):
    env = ScoreStripRecorder(RetroStandIn(seed=3))
    for _ in range(episodes):
        env.reset()
        done = False
        while not done:
            _, _, done, _ = env.step(0)
    return env.strips, env.labels
