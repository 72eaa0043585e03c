"""Explicit time stepping of the 2-D heat equation with periodic checkpoints.
Each checkpoint splits the field into row bands with np.array_split (one per
writer rank in the real code) and keeps every band, so a restart can be
read back band by band."""
from contextlib import contextmanager
import time

import numpy as np


@contextmanager
def timed(log, name):
    t0 = time.perf_counter()
    yield
    log.append((name, time.perf_counter() - t0))


class Checkpointer:
    def __init__(self, n_ranks=4, every=5):
        self.n_ranks = n_ranks
        self.every = every
        self.snapshots = []

    def maybe_save(self, step, u):
        if step % self.every:
            return False
        bands = np.array_split(u, self.n_ranks, axis=0)
        self.snapshots.append({"step": step, "bands": bands})
        return True


def heat_step(u, alpha=0.2):
    lap = (np.roll(u, 1, 0) + np.roll(u, -1, 0) + np.roll(u, 1, 1) + np.roll(u, -1, 1) - 4 * u)
    return u + alpha * lap


def simulate(n=700, n_steps=30, ckpt=None):
    rng = np.random.default_rng(0)
    u = rng.standard_normal((n, n))
    log = []
    for step in range(n_steps):
        with timed(log, "step"):
            u = heat_step(u)
        if ckpt is not None:
            ckpt.maybe_save(step, u)
    return u, log


def scenario():
    ckpt = Checkpointer(n_ranks=8, every=3)
    simulate(ckpt=ckpt)
    return ckpt.snapshots
