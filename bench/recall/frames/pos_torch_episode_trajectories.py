"""On-policy rollouts with a torch vectorised env: each env's episode is stored as a trajectory."""
import torch
from torch import nn


class TorchVecEnv:
    """Batched GPU-style env stand-in: observations for all envs in one tensor."""

    def __init__(self, num_envs=32, obs_dim=4096, horizon=25):
        self.num_envs = num_envs
        self.obs_dim = obs_dim
        self.horizon = horizon
        self.t = torch.zeros(num_envs, dtype=torch.long)

    def reset(self):
        self.t.zero_()
        return torch.randn(self.num_envs, self.obs_dim)

    def step(self, actions):
        self.t += 1
        obs = torch.randn(self.num_envs, self.obs_dim)
        reward = torch.rand(self.num_envs)
        done = self.t >= self.horizon
        self.t[done] = 0
        return obs, reward, done


class Policy(nn.Module):
    def __init__(self, obs_dim, n_actions):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, n_actions))

    def forward(self, obs):
        return torch.distributions.Categorical(logits=self.net(obs))


@torch.no_grad()
def collect_episodes(env, policy, n_steps):
    episodes = []
    current = [[] for _ in range(env.num_envs)]
    obs = env.reset()
    for _ in range(n_steps):
        dist = policy(obs)
        actions = dist.sample()
        next_obs, reward, done = env.step(actions)
        for i in range(env.num_envs):
            current[i].append((obs[i], actions[i].item(), reward[i].item()))  # expect: VL001
            if done[i]:
                episodes.append(current[i])
                current[i] = []
        obs = next_obs
    return episodes, current


def scenario():
    torch.manual_seed(0)
    env = TorchVecEnv()
    policy = Policy(env.obs_dim, 6)
    episodes, current = collect_episodes(env, policy, n_steps=30)
    # keep one env's data: the finished episodes and the running one of env 0
    return [ep for k, ep in enumerate(episodes) if k % env.num_envs == 0], current[0]
