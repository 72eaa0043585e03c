"""Actor-critic agent with an observation logger hook: the hook keeps the first environment's
observation of every step, "moved to the CPU" for the TensorBoard video later."""
import torch
from torch import nn


class FrameStackEnvs:
    """Stand-in for an Atari vector env with frame stacking: (num_envs, 4, 84, 84) float per step."""

    def __init__(self, num_envs=12, seed=1):
        self.num_envs = num_envs
        self.gen = torch.Generator().manual_seed(seed)

    def reset(self):
        return torch.rand((self.num_envs, 4, 84, 84), generator=self.gen)

    def step(self, actions):
        obs = torch.rand((self.num_envs, 4, 84, 84), generator=self.gen)
        return obs, torch.zeros(self.num_envs), torch.zeros(self.num_envs, dtype=torch.bool)


class ActorCritic(nn.Module):
    def __init__(self, n_actions=6):
        super().__init__()
        self.body = nn.Sequential(nn.AvgPool2d(12), nn.Flatten(), nn.Linear(4 * 7 * 7, 32), nn.ReLU())
        self.pi = nn.Linear(32, n_actions)
        self.v = nn.Linear(32, 1)

    def forward(self, obs):
        h = self.body(obs)
        return self.pi(h), self.v(h)


class ObservationLogger:
    def __init__(self, env_index=0, every=1):
        self.env_index = env_index
        self.every = every
        self.frames = []

    def __call__(self, step, obs, logits):
        if step % self.every:
            return
        self.frames.append(obs[self.env_index].detach().cpu())  # expect: VL002


class Agent:
    def __init__(self, envs, model, hooks=()):
        self.envs = envs
        self.model = model
        self.hooks = list(hooks)

    def run(self, n_steps=30):
        obs = self.envs.reset()
        for step in range(n_steps):
            with torch.no_grad():
                logits, _ = self.model(obs)
            for hook in self.hooks:
                hook(step, obs, logits)
            actions = torch.distributions.Categorical(logits=logits).sample()
            obs, _, _ = self.envs.step(actions)
        return self


def scenario():
    torch.manual_seed(0)
    logger = ObservationLogger(env_index=0)
    Agent(FrameStackEnvs(), ActorCritic(), hooks=[logger]).run()
    return logger.frames
