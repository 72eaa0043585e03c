"""Functional (out-of-place) gradient descent on a linear least-squares model in
PyTorch, as written when the parameters are plain tensors rather than module
parameters: every step rebinds W.  A snapshot of the first output column is
moved to the CPU each epoch for the drift plot."""
import torch


def make_problem(n=2000, d_in=2000, d_out=300, seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, d_in, generator=g) / d_in ** 0.5
    W_true = torch.randn(d_in, d_out, generator=g)
    return X, X @ W_true


class FunctionalTrainer:
    def __init__(self, lr=0.5, epochs=30, snapshot_every=1):
        self.lr = lr
        self.epochs = epochs
        self.snapshot_every = snapshot_every
        self.snapshots = []
        self.losses = []

    def loss(self, W, X, Y):
        return ((X @ W - Y) ** 2).mean()

    def fit(self, X, Y):
        W = torch.zeros(X.shape[1], Y.shape[1], requires_grad=True)
        for epoch in range(self.epochs):
            loss = self.loss(W, X, Y)
            (grad,) = torch.autograd.grad(loss, W)
            with torch.no_grad():
                W = W - self.lr * grad
            W.requires_grad_(True)
            self.losses.append(loss.item())
            if epoch % self.snapshot_every == 0:
                self.snapshots.append(W[:, 0].detach().cpu())  # expect: VL001
        return W.detach()


def scenario():
    X, Y = make_problem()
    trainer = FunctionalTrainer()
    trainer.fit(X, Y)
    return trainer.snapshots
