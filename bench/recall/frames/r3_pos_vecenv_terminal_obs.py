"""PPO-style rollout collector for a vectorised environment.

Like SB3's VecEnv, the collector remembers each finished episode's terminal observation so that
truncated episodes can be bootstrapped with V(s_T) later on.
"""
import torch


class BatchedGridEnv:
    """Stand-in for gym.vector.SyncVectorEnv: step() returns a new (num_envs, C, H, W) batch."""

    def __init__(self, num_envs=16, obs_shape=(3, 64, 64), episode_len=25, seed=0):
        self.num_envs = num_envs
        self.obs_shape = obs_shape
        self.episode_len = episode_len
        self.gen = torch.Generator().manual_seed(seed)
        self.t = 0

    def _observe(self):
        return torch.rand((self.num_envs, *self.obs_shape), generator=self.gen)

    def reset(self):
        self.t = 0
        return self._observe()

    def step(self, actions):
        self.t += 1
        obs = self._observe()
        rewards = torch.rand(self.num_envs, generator=self.gen) * actions.float()
        # environments are staggered: env i finishes when (t + i) is a multiple of episode_len
        dones = torch.tensor([(self.t + i) % self.episode_len == 0 for i in range(self.num_envs)])
        return obs, rewards, dones, {}


class GreedyPolicy(torch.nn.Module):
    def forward(self, obs):
        return (obs.mean(dim=(1, 2, 3)) > 0.5).long()


class RolloutCollector:
    def __init__(self, env, policy, n_steps=48, gamma=0.99):
        self.env = env
        self.policy = policy
        self.n_steps = n_steps
        self.gamma = gamma
        self.rewards = []
        self.dones = []
        self.terminal_obs = []  # (env_id, step, observation) for bootstrapping

    def collect(self):
        obs = self.env.reset()
        with torch.no_grad():
            for step in range(self.n_steps):
                actions = self.policy(obs)
                next_obs, rewards, dones, _ = self.env.step(actions)
                self.rewards.append(rewards)
                self.dones.append(dones)
                for env_id, (o, done) in enumerate(zip(next_obs.unbind(0), dones.tolist())):
                    if done:
                        self.terminal_obs.append((env_id, step, o))  # expect: VL002
                obs = next_obs
        return self

    def discounted_returns(self):
        ret = torch.zeros(self.env.num_envs)
        out = []
        for r, d in zip(reversed(self.rewards), reversed(self.dones)):
            ret = r + self.gamma * ret * (~d).float()
            out.append(ret)
        return out[::-1]


def scenario():
    collector = RolloutCollector(BatchedGridEnv(), GreedyPolicy()).collect()
    collector.discounted_returns()
    return collector.terminal_obs
