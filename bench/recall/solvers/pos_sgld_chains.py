"""Stochastic-gradient Langevin sampling from an energy-based model, many
chains in parallel; chain 0 is kept for the trace plot."""
import torch
from torch import nn


class EnergyNet(nn.Module):
    def __init__(self, dim, hidden=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.SiLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1) + 0.5 * (x ** 2).sum(-1)


def langevin(model, x0, n_steps=40, step_size=1e-2):
    x = x0.clone().requires_grad_(True)
    trace = []
    energies = []
    for _ in range(n_steps):
        energy = model(x).sum()
        grad, = torch.autograd.grad(energy, x)
        noise = torch.randn_like(x) * (2 * step_size) ** 0.5
        x = (x - step_size * grad + noise).detach().requires_grad_(True)
        trace.append(x[0].detach())  # expect: VL001
        energies.append(energy.item())
    return trace, energies


def scenario():
    torch.manual_seed(0)
    model = EnergyNet(dim=64)
    x0 = torch.randn(4096, 64)
    return langevin(model, x0)
