"""A PyTorch training loop with a gradient monitor, after the training
scripts that log per-parameter gradient statistics for debugging vanishing or
exploding gradients: the optimizer clears gradients with
`zero_grad(set_to_none=True)` (the memory-saving form), so every
`loss.backward()` allocates each parameter's `.grad` anew.  The monitor keeps,
per named parameter, the first row of its gradient (`p.grad[0]`) in a
`defaultdict(list)`: a view of that step's whole gradient tensor, so every
step's gradients stay alive."""
from collections import defaultdict

import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, d_in=256, d_hidden=768, d_out=10):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_hidden)
        self.head = nn.Linear(d_hidden, d_out)

    def forward(self, x):
        return self.head(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def train(model, steps=25, batch=32, lr=1e-3):
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    grad_rows = defaultdict(list)
    for step in range(steps):
        x = torch.randn(batch, 256)
        y = torch.randint(0, 10, (batch,))
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        for name, p in model.named_parameters():
            if p.grad is not None and p.grad.dim() == 2:
                grad_rows[name].append(p.grad[0])  # expect: VL002
        opt.step()
    return grad_rows


def scenario():
    torch.manual_seed(0)
    return train(MLP())
