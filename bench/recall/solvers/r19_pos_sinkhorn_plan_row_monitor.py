"""Entropic optimal transport between two point clouds with PyTorch, after the
Sinkhorn-Knopp loops of POT (`ot.bregman.sinkhorn_knopp`, which checks the
marginal error every 10 iterations) and of metric-learning code such as DIML
(`T = r[:, None] * K * c[None, :]`): the scalings `u` and `v` are rebuilt
from each other every iteration, and at each check the solver forms the
transport plan, measures the column-marginal error and hands the plan to its
callbacks.  A diagnostics callback keeps the plan row of one source point to
plot how its mass settles.  The plan is a new `(n, m)` tensor at each check,
so every kept row pins a whole plan."""
import torch


class PlanRowMonitor:
    def __init__(self, source_index):
        self.source_index = source_index
        self.rows = []
        self.errors = []

    def __call__(self, it, plan, err):
        self.rows.append(plan[self.source_index])  # expect: VL002
        self.errors.append(err)


class SinkhornSolver:
    def __init__(self, reg=0.05, max_iter=300, check_every=10, tol=1e-12):
        self.reg = reg
        self.max_iter = max_iter
        self.check_every = check_every
        self.tol = tol

    def solve(self, a, b, cost, callbacks=()):
        K = torch.exp(-cost / self.reg)
        u = torch.ones_like(a) / a.shape[0]
        v = torch.ones_like(b) / b.shape[0]
        plan = None
        for it in range(self.max_iter):
            u = a / (K @ v)
            v = b / (K.T @ u)
            if it % self.check_every == 0:
                plan = u[:, None] * K * v[None, :]
                err = float(torch.linalg.norm(plan.sum(0) - b))
                for cb in callbacks:
                    cb(it, plan, err)
                if err < self.tol:
                    break
        return u[:, None] * K * v[None, :]


def point_clouds(n, m, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 2, generator=g)
    y = torch.randn(m, 2, generator=g) + torch.tensor([2.0, 0.5])
    cost = torch.cdist(x, y) ** 2
    return torch.full((n,), 1.0 / n), torch.full((m,), 1.0 / m), cost / cost.max()


def scenario():
    a, b, cost = point_clouds(400, 400)
    monitor = PlanRowMonitor(source_index=7)
    plan = SinkhornSolver().solve(a, b, cost, callbacks=[monitor])
    return float(plan.sum()), monitor
