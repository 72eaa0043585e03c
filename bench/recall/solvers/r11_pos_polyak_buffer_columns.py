"""Polyak / EMA weight averaging of a linear model trained by minibatch SGD, as
in mean-teacher and SWA-style training loops: the averaged weights live in a
`register_buffer` of an `nn.Module` (so they go into `state_dict()`), updated
under `@torch.no_grad()` (a decorator on the method) as
`self.avg = self.avg * decay + (1 - decay) * w`, which rebinds the buffer to a
new tensor every step.  For a convergence plot the averager keeps the first
output column of the averaged weights at every step.  A column is a view:
each step's trace entry pins that step's whole averaged weight matrix."""
import torch
from torch import nn


class WeightAverager(nn.Module):
    def __init__(self, weight, decay=0.99):
        super().__init__()
        self.decay = decay
        self.register_buffer("avg", weight.detach().clone())
        self.trace = []

    @torch.no_grad()
    def update(self, weight):
        self.avg = self.avg * self.decay + (1.0 - self.decay) * weight
        self.trace.append(self.avg[:, 0])  # expect: VL001


def synthetic(gen, n=4096, d=1024, k=256):
    w_true = torch.randn(d, k, generator=gen) / d ** 0.5
    x = torch.randn(n, d, generator=gen)
    return x, x @ w_true


def train(n_steps=60, batch=128, lr=0.05, seed=0):
    gen = torch.Generator().manual_seed(seed)
    x, y = synthetic(gen)
    lin = nn.Linear(x.shape[1], y.shape[1], bias=False)
    opt = torch.optim.SGD(lin.parameters(), lr=lr)
    averager = WeightAverager(lin.weight.T)
    for _ in range(n_steps):
        idx = torch.randint(0, x.shape[0], (batch,), generator=gen)
        loss = ((lin(x[idx]) - y[idx]) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        averager.update(lin.weight.T)
    return averager


def scenario():
    averager = train()
    return averager.trace
