"""Image-goal hindsight relabelling with goal-selection strategy classes.  A goal-conditioned agent
renders one (64, 64, 3) camera image per step; at the end of an episode the steps are stacked into
one (T+1, 64, 64, 3) uint8 array of achieved-goal images, and a strategy picked by name from the
config relabels the episode: `FinalStrategy` hands back the last achieved image, `FutureStrategy`
a few images sampled from later steps.  The relabelled goal images go into the goal buffer that the
policy samples from.  Each kept goal is a view of its episode's stacked images, so every episode's
whole stack stays alive.  Written after the HER replay buffers with `FinalStrategy` /
`FutureStrategy` classes (`sample(t, achieved_goals)` returning `achieved_goals[-1]` or
`random.choices(achieved_goals[t:], k=n)`) found in small PyTorch HER implementations and
stable-baselines3-style `HerReplayBuffer(goal_selection_strategy="final")`."""
import random

import numpy as np

CONFIG = {"goal_strategy": "final", "n_sampled_goal": 2, "episode_len": 48}


class FinalStrategy:
    def sample(self, t, achieved_goals):
        return [achieved_goals[-1]]


class FutureStrategy:
    def __init__(self, n_samples=2):
        self.n_samples = n_samples

    def sample(self, t, achieved_goals):
        return random.choices(list(achieved_goals[t + 1:]), k=self.n_samples)


STRATEGIES = {"final": FinalStrategy, "future": FutureStrategy}


class CameraReachEnv:
    """A stand-in for a goal-conditioned robot arm rendered from a fixed camera."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return self.render()

    def render(self):
        return self.rng.integers(0, 255, size=(64, 64, 3), dtype=np.uint8)

    def step(self, action):
        self.t += 1
        return self.render(), 0.0, self.t >= CONFIG["episode_len"]


class ImageGoalBuffer:
    def __init__(self, strategy):
        self.strategy = strategy
        self.goals = []
        self.actions = []

    def store_episode(self, achieved_images, actions):
        t = len(actions) // 2
        for goal in self.strategy.sample(t, achieved_images):
            self.goals.append(goal)  # expect: VL002
        self.actions.append(actions.copy())


def run_episode(env, rng):
    images = [env.reset()]
    actions = []
    done = False
    while not done:
        action = rng.uniform(-1.0, 1.0, size=4).astype(np.float32)
        image, _, done = env.step(action)
        images.append(image)
        actions.append(action)
    return np.stack(images), np.stack(actions)


def scenario(n_episodes=40):
    rng = np.random.default_rng(1)
    env = CameraReachEnv()
    strategy_cls = STRATEGIES[CONFIG["goal_strategy"]]
    buffer = ImageGoalBuffer(strategy_cls())
    for _ in range(n_episodes):
        achieved, actions = run_episode(env, rng)
        buffer.store_episode(achieved, actions)
    return buffer
