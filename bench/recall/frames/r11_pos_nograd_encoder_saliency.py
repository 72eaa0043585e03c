"""DQN-style agent on an Atari-like frame stream that records a saliency movie: the agent's conv
encoder normalises the stacked frames with statistics held in `register_buffer` state, features
are computed in a method decorated with `@torch.no_grad()`, a target encoder follows the online one
as an exponential moving average (`p_t.mul_(tau).add_(p, alpha=1 - tau)`), and the environment is an
iterator class (`__iter__`/`__next__` raising `StopIteration` at the episode's end).  Every step the
first channel of the online feature map is kept for the saliency video written after the episode.
Written after DQN/DrQ/SPR-style agents with momentum target encoders and `@torch.no_grad()` act
methods in RL research code; the environment renders a new random frame stack per step."""
import torch
from torch import nn


class FrameStream:
    """Episode of stacked 84x84 frames, one new observation per `next()`."""

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


class Agent:
    def __init__(self, tau=0.99):
        self.online = Encoder()
        self.target = Encoder()
        self.target.load_state_dict(self.online.state_dict())
        self.tau = tau
        self.saliency = []

    @torch.no_grad()
    def features(self, obs):
        return self.online(obs)

    @torch.no_grad()
    def update_target(self):
        for p_t, p in zip(self.target.parameters(), self.online.parameters()):
            p_t.mul_(self.tau).add_(p, alpha=1 - self.tau)

    def run_episode(self, env):
        for obs in env:
            fmap = self.features(obs)
            self.saliency.append(fmap[0, 0])  # expect: VL002
            self.update_target()
        return self.saliency


def scenario():
    agent = Agent()
    return agent.run_episode(FrameStream())
