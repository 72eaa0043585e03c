"""DQN-style agent on an Atari-like frame stream that records a saliency movie, the fixed way: the
first channel of each step's feature map is written into a preallocated `(T, 84, 84)` tensor the
agent registers as a buffer (`register_buffer("saliency", torch.zeros(...))`, filled with
`self.saliency[t] = fmap[0, 0]`), so each step's feature map is freed once the step ends.  Features
come from a `@torch.no_grad()` method, a momentum target encoder follows the online one, and the
environment is an iterator class.  Written after DQN/DrQ-style agents that keep per-step
diagnostics in registered buffers (MoCo-style queues written in place)."""
import torch
from torch import nn


class FrameStream:
    def __init__(self, n_steps=120, stack=4, size=84, seed=0):
        self.n_steps = n_steps
        self.stack = stack
        self.size = size
        self.gen = torch.Generator().manual_seed(seed)
        self.t = 0

    def __iter__(self):
        self.t = 0
        return self

    def __next__(self):
        if self.t >= self.n_steps:
            raise StopIteration
        self.t += 1
        return torch.randint(0, 256, (self.stack, self.size, self.size),
                             generator=self.gen, dtype=torch.uint8)


class Encoder(nn.Module):
    def __init__(self, in_ch=4, width=32):
        super().__init__()
        self.register_buffer("pix_mean", torch.full((1, in_ch, 1, 1), 127.5))
        self.register_buffer("pix_std", torch.full((1, in_ch, 1, 1), 73.9))
        self.conv = nn.Conv2d(in_ch, width, kernel_size=3, padding=1)

    def forward(self, obs):
        x = (obs.float().unsqueeze(0) - self.pix_mean) / self.pix_std
        return torch.relu(self.conv(x))


class Agent(nn.Module):
    def __init__(self, max_steps=120, size=84, tau=0.99):
        super().__init__()
        self.online = Encoder()
        self.target = Encoder()
        self.target.load_state_dict(self.online.state_dict())
        self.tau = tau
        self.register_buffer("saliency", torch.zeros(max_steps, size, size))

    @torch.no_grad()
    def features(self, obs):
        return self.online(obs)

    @torch.no_grad()
    def update_target(self):
        for p_t, p in zip(self.target.parameters(), self.online.parameters()):
            p_t.mul_(self.tau).add_(p, alpha=1 - self.tau)

    def run_episode(self, env):
        t = 0
        for obs in env:
            fmap = self.features(obs)
            self.saliency[t] = fmap[0, 0]
            self.update_target()
            t += 1
        return self.saliency[:t]


def scenario():
    agent = Agent()
    return agent.run_episode(FrameStream())
