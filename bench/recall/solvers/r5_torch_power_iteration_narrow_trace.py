"""Power iteration for the top Hessian eigenvalue of a quadratic model, done
in PyTorch with Hessian-vector products.  A tracker logs, for every
iteration, the Rayleigh quotient and the leading coordinates of the current
eigenvector estimate (a narrow slice) for plotting convergence later."""
import torch


class EigenTrace:
    def __init__(self, n_coords=8):
        self.n_coords = n_coords
        self.eigenvalues = []
        self.coords = []

    def record(self, it, eigval, vec):
        self.eigenvalues.append(eigval)
        self.coords.append(vec.detach().narrow(0, 0, self.n_coords))  # expect: VL001


class LowRankPlusDiagonal:
    """H = diag(d) + U U^T, applied without forming it."""

    def __init__(self, n, rank=4, seed=0):
        g = torch.Generator().manual_seed(seed)
        self.d = torch.rand(n, generator=g)
        self.u = torch.randn(n, rank, generator=g) / n ** 0.5

    def hvp(self, v):
        return self.d * v + self.u @ (self.u.T @ v)


def power_iteration(op, n, iters=30, tol=1e-7, trace=None):
    v = torch.randn(n)
    v = v / v.norm()
    eigval = 0.0
    for it in range(iters):
        hv = op.hvp(v)
        new_eigval = float(torch.dot(v, hv))
        v = hv / hv.norm()
        if trace is not None:
            trace.record(it, new_eigval, v)
        if abs(new_eigval - eigval) < tol * abs(new_eigval):
            break
        eigval = new_eigval
    return eigval, v


def scenario():
    n = 600_000
    trace = EigenTrace()
    power_iteration(LowRankPlusDiagonal(n), n, trace=trace)
    return trace.coords
