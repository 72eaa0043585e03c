"""PPO-style rollout over a vectorised env; frames of env 0 are recorded for a training video."""
import numpy as np


class DummyVecEnv:
    """Small stand-in for a gym VectorEnv returning stacked image observations."""

    def __init__(self, num_envs=16, obs_shape=(84, 84, 4), seed=1):
        self.num_envs = num_envs
        self.obs_shape = obs_shape
        self.rng = np.random.default_rng(seed)

    def reset(self):
        return self.rng.random((self.num_envs,) + self.obs_shape, dtype=np.float32)

    def step(self, actions):
        obs = self.rng.random((self.num_envs,) + self.obs_shape, dtype=np.float32)
        rewards = self.rng.random(self.num_envs)
        dones = self.rng.random(self.num_envs) < 0.01
        infos = [{} for _ in range(self.num_envs)]
        return obs, rewards, dones, infos


class Runner:
    def __init__(self, env, n_steps):
        self.env = env
        self.n_steps = n_steps
        self.obs = env.reset()
        self.video_frames = []

    def policy(self, obs):
        return np.random.randint(0, 6, size=obs.shape[0])

    def run(self):
        mb_rewards, mb_actions = [], []
        for _ in range(self.n_steps):
            actions = self.policy(self.obs)
            self.obs, rewards, dones, infos = self.env.step(actions)
            self.video_frames.append(self.obs[0])  # expect: VL002
            mb_rewards.append(rewards)
            mb_actions.append(actions)
        return np.asarray(mb_rewards), np.asarray(mb_actions)


def scenario():
    runner = Runner(DummyVecEnv(), n_steps=40)
    runner.run()
    return runner.video_frames
