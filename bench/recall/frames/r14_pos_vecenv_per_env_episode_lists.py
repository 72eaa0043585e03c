"""Episode collection for a vectorised Atari-style environment: a `DummyVecEnv`-like wrapper steps
every sub-environment, resets the ones that are done and returns the observations `np.stack`ed
into one (n_envs, 84, 84, n_stack) array per step (frame-stacked).  The collector keeps one list
per environment, `episodes[env_idx].append(obs[env_idx, ::2, ::2, -1])` (the newest frame of the
stack at half resolution, for a preview video of the episode), and moves a finished episode to `finished` when its `done`
flag is set.  Every kept frame is a view of the step's stacked array, so each pins all of it.
Written after baselines / stable-baselines vectorised runners (`for env_idx in range(num_envs)`,
`np.stack(obs)`, `VecFrameStack`) and their per-environment episode buffers."""
import numpy as np


class GridAtariEnv:
    def __init__(self, seed, horizon, size=84, n_stack=4):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon
        self.size = size
        self.n_stack = n_stack
        self.t = 0

    def _frame(self):
        return self.rng.random((self.size, self.size, self.n_stack), dtype=np.float32)

    def reset(self):
        self.t = 0
        return self._frame()

    def step(self, action):
        self.t += 1
        reward = float(action == self.t % 4)
        done = self.t >= self.horizon
        return self._frame(), reward, done, {}


class DummyVecEnv:
    def __init__(self, env_fns):
        self.envs = [fn() for fn in env_fns]
        self.num_envs = len(self.envs)

    def reset(self):
        return np.stack([env.reset() for env in self.envs])

    def step(self, actions):
        obs, rews, dones = [], [], []
        for env_idx in range(self.num_envs):
            ob, rew, done, _ = self.envs[env_idx].step(actions[env_idx])
            if done:
                ob = self.envs[env_idx].reset()
            obs.append(ob)
            rews.append(rew)
            dones.append(done)
        return np.stack(obs), np.asarray(rews), np.asarray(dones)


def make_env(rank):
    return lambda: GridAtariEnv(seed=rank, horizon=30 + 7 * rank)


def collect_episodes(venv, n_steps=160, seed=0):
    rng = np.random.default_rng(seed)
    episodes = [[] for _ in range(venv.num_envs)]
    finished = []
    obs = venv.reset()
    for _ in range(n_steps):
        actions = rng.integers(0, 4, size=venv.num_envs)
        obs, rews, dones = venv.step(actions)
        for env_idx in range(venv.num_envs):
            episodes[env_idx].append(obs[env_idx, ::2, ::2, -1])  # expect: VL002
            if dones[env_idx]:
                finished.append(episodes[env_idx])
                episodes[env_idx] = []
    return finished


def scenario():
    venv = DummyVecEnv([make_env(rank) for rank in range(8)])
    return collect_episodes(venv)
