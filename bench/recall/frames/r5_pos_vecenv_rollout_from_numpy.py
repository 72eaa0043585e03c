"""PPO-style rollout collection from a vectorised environment: the batched observation comes back
from the (numpy) env, is turned into a tensor with torch.from_numpy for the policy, and the first
environment's observation of every step is kept in an episode record for a replay video."""
import numpy as np
import torch


class SyncVectorEnv:
    """Stand-in for gym.vector.SyncVectorEnv over Atari-like envs: (n_envs, 4, 84, 84) float32 frames."""

    def __init__(self, n_envs=16, episode_len=40, seed=3):
        self.n_envs = n_envs
        self.episode_len = episode_len
        self.rng = np.random.default_rng(seed)
        self.t = 0

    def reset(self):
        self.t = 0
        return self._obs()

    def _obs(self):
        return self.rng.random((self.n_envs, 4, 84, 84), dtype=np.float32)

    def step(self, actions):
        self.t += 1
        obs = self._obs()
        rewards = self.rng.random(self.n_envs).astype(np.float32)
        dones = np.zeros(self.n_envs, dtype=bool)
        dones[0] = self.t >= self.episode_len
        return obs, rewards, dones, {}


class RandomPolicy(torch.nn.Module):
    def __init__(self, n_actions=6):
        super().__init__()
        self.n_actions = n_actions

    def forward(self, obs):
        return torch.randint(0, self.n_actions, (obs.shape[0],))


def collect_episode(env, policy, device="cpu"):
    episode = {"frames": [], "rewards": [], "actions": []}
    obs = env.reset()
    while True:
        obs_t = torch.from_numpy(obs).to(device)
        with torch.no_grad():
            actions = policy(obs_t)
        obs, rewards, dones, _ = env.step(actions.numpy())
        episode["frames"].append(obs_t[0])  # expect: VL002
        episode["actions"].append(int(actions[0]))
        episode["rewards"].append(float(rewards[0]))
        if dones[0]:
            break
    return episode


def scenario():
    env = SyncVectorEnv()
    policy = RandomPolicy()
    return [collect_episode(env, policy) for _ in range(3)]
