"""Block power (subspace) iteration for the leading eigenvectors of a
low-rank-plus-diagonal covariance, after the `blockeig`/subspace-iteration
examples of numerical-linear-algebra courses: `Q, R = np.linalg.qr(A @ Q)`
re-orthonormalises the block each sweep, the Rayleigh quotients on the
diagonal of `R` estimate the eigenvalues, and every `check_every` sweeps the
leading Ritz vector `Q[:, 0]` is checkpointed to watch its convergence.  Each
checkpoint is a column view of that sweep's whole `(n, b)` block."""
import numpy as np


class LowRankPlusDiag:
    def __init__(self, n, rank=12, seed=0):
        rng = np.random.default_rng(seed)
        self.U, _ = np.linalg.qr(rng.standard_normal((n, rank)))
        self.s = np.linspace(50.0, 5.0, rank)
        self.d = rng.uniform(0.0, 1.0, n)

    def matmat(self, X):
        return self.U @ (self.s[:, None] * (self.U.T @ X)) + self.d[:, None] * X


def block_power(op, n, block=24, n_sweeps=90, check_every=5, tol=1e-10, seed=1):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, block)))
    checkpoints = []
    prev = np.zeros(block)
    for sweep in range(n_sweeps):
        Q, R = np.linalg.qr(op.matmat(Q))
        ritz = np.abs(np.diag(R))
        if sweep % check_every == 0:
            checkpoints.append((sweep, Q[:, 0]))  # expect: VL001
        if np.max(np.abs(ritz - prev)) < tol:
            break
        prev = ritz
    return Q, checkpoints


def scenario(n=16000):
    op = LowRankPlusDiag(n)
    _, checkpoints = block_power(op, n)
    return checkpoints
