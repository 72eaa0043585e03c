"""Least-squares fit of a smooth profile to a long noisy signal with
`torch.optim.LBFGS(..., line_search_fn="strong_wolfe")` and a closure, as in the
curve-fitting and physics-informed notebooks that use PyTorch's L-BFGS: the
closure zeroes the gradients, evaluates the model on the whole grid, computes
the loss from the residual and calls `backward()`, and `opt.step(closure)` calls
it as many times as its line search needs.  To plot how the residual settles,
the closure also logs the residual at a few probe points, every evaluation:
`resid.detach()[::stride]` is a strided view of a residual made anew at each
call, so each logged probe set pins a whole grid-sized residual."""
import torch


class ProfileFit:
    def __init__(self, n=400_000, degree=8, n_probe=16, seed=0):
        g = torch.Generator().manual_seed(seed)
        self.x = torch.linspace(-1.0, 1.0, n)
        self.target = torch.sin(3.0 * self.x) + 0.1 * torch.randn(n, generator=g)
        self.coef = torch.zeros(degree, requires_grad=True)
        self.stride = n // n_probe
        self.probes = []
        self.losses = []

    def basis(self):
        # Chebyshev polynomials T_k(x) by the three-term recurrence
        cols = [torch.ones_like(self.x), self.x]
        while len(cols) < self.coef.numel():
            cols.append(2.0 * self.x * cols[-1] - cols[-2])
        return torch.stack(cols, dim=1)

    def fit(self, steps=8):
        phi = self.basis()
        opt = torch.optim.LBFGS([self.coef], lr=1.0, max_iter=10, history_size=10,
                                line_search_fn="strong_wolfe")

        def closure():
            opt.zero_grad()
            resid = phi @ self.coef - self.target
            loss = (resid * resid).mean()
            loss.backward()
            self.probes.append(resid.detach()[::self.stride])  # expect: VL002
            self.losses.append(loss.item())
            return loss

        for _ in range(steps):
            opt.step(closure)
        return self.coef.detach().clone()


def scenario():
    fit = ProfileFit()
    coef = fit.fit()
    return coef, fit.probes, fit.losses
