"""Training a small regression model with torch.optim; the first output
neuron's weight row is logged every step. The optimizer updates the
parameter in place, so every logged row shows the same storage."""
import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self, d_in=512, d_out=512):
        super().__init__()
        self.fc = nn.Linear(d_in, d_out)

    def forward(self, x):
        return self.fc(x)


def train(n_steps=80):
    torch.manual_seed(0)
    model = Regressor()
    opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
    x = torch.randn(256, 512)
    y = torch.randn(256, 512)
    losses, rows = [], []
    for _ in range(n_steps):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        rows.append(model.fc.weight.detach()[0])
    return losses, rows


def scenario():
    return train()
