"""Gym-style environment wrappers around a pixel environment: a preprocessing observation wrapper
that downsamples (`obs[::4, ::4]`) and scales to [0, 1] under a monitor wrapper that keeps the first
observation of every episode for a "start states" grid.  The scaling (`/ 255.0` after `astype`)
makes a new small array, so the monitor keeps only those.  Written after gym/gymnasium wrapper code
(`ObservationWrapper.observation`, `Wrapper.reset` forwarding to `self.env`), with the base classes
defined here as gym defines them."""
import numpy as np


class Env:
    def reset(self):
        raise NotImplementedError

    def step(self, action):
        raise NotImplementedError


class Wrapper(Env):
    def __init__(self, env):
        self.env = env

    def reset(self):
        return self.env.reset()

    def step(self, action):
        return self.env.step(action)


class ObservationWrapper(Wrapper):
    def reset(self):
        return self.observation(self.env.reset())

    def step(self, action):
        obs, reward, done, info = self.env.step(action)
        return self.observation(obs), reward, done, info

    def observation(self, obs):
        raise NotImplementedError


class PixelEnv(Env):
    """Renders a new uint8 RGB frame on every reset/step, as emulator-backed envs do."""

    def __init__(self, height=448, width=448, horizon=3, seed=0):
        self.shape = (height, width, 3)
        self.horizon = horizon
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def _render(self):
        return self.rng.integers(0, 256, self.shape, dtype=np.uint8)

    def reset(self):
        self.t = 0
        return self._render()

    def step(self, action):
        self.t += 1
        return self._render(), float(action), self.t >= self.horizon, {}


class Preprocess(ObservationWrapper):
    def __init__(self, env, factor=4):
        super().__init__(env)
        self.factor = factor

    def observation(self, obs):
        small = obs[::self.factor, ::self.factor]
        return small.astype(np.float32) / 255.0


class StartStateMonitor(Wrapper):
    def __init__(self, env):
        super().__init__(env)
        self.start_states = []
        self.returns = []
        self._ret = 0.0

    def reset(self):
        obs = super().reset()
        self.start_states.append(obs)
        self._ret = 0.0
        return obs

    def step(self, action):
        obs, reward, done, info = super().step(action)
        self._ret += reward
        if done:
            self.returns.append(self._ret)
        return obs, reward, done, info


def scenario():
    env = StartStateMonitor(Preprocess(PixelEnv()))
    for _ in range(40):
        obs, done = env.reset(), False
        while not done:
            obs, reward, done, info = env.step(1)
    return env.start_states
