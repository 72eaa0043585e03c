"""First-order solvers sharing an abstract base: subclasses override the
update hook, the base runs the loop and hands every iterate to a result
object that logs a short history (iteration number, objective, and the first
coordinates of the iterate) every `history_logging_interval` iterations."""
import abc
from dataclasses import dataclass, field

import numpy as np


@dataclass
class IterationResult:
    history_logging_interval: int = 1
    n_logged_coords: int = 16
    iters: int = 0
    obj_val: float = float("nan")
    iter_history: list = field(default_factory=list)
    fn_args_history: list = field(default_factory=list)
    obj_val_history: list = field(default_factory=list)

    def update(self, fn_args, obj_val, iters):
        self.iters = iters
        self.obj_val = obj_val
        if self.history_logging_interval > 0 and iters % self.history_logging_interval == 0:
            self.iter_history.append(iters)
            self.fn_args_history.append(fn_args[: self.n_logged_coords])  # expect: VL001
            self.obj_val_history.append(obj_val)


class IterativeSolver(abc.ABC):
    def __init__(self, fn, grad, lr=0.1, maxiter=100, tol=1e-8):
        self.fn = fn
        self.grad = grad
        self.lr = lr
        self.maxiter = maxiter
        self.tol = tol

    @abc.abstractmethod
    def _update(self, x, g, k):
        """Return the next iterate."""

    def solve(self, x0, result=None):
        result = result if result is not None else IterationResult()
        x = np.asarray(x0, dtype=float)
        for k in range(self.maxiter):
            g = self.grad(x)
            if np.linalg.norm(g) < self.tol:
                break
            x = self._update(x, g, k)
            result.update(x, float(self.fn(x)), k + 1)
        return x, result


class GradientDescent(IterativeSolver):
    def _update(self, x, g, k):
        return x - self.lr * g


class Nesterov(IterativeSolver):
    def __init__(self, *args, momentum=0.9, **kwargs):
        super().__init__(*args, **kwargs)
        self.momentum = momentum
        self._v = None

    def _update(self, x, g, k):
        if self._v is None:
            self._v = np.zeros_like(x)
        self._v = self.momentum * self._v - self.lr * g
        return x + self.momentum * self._v - self.lr * g


def make_problem(n, seed=0):
    rng = np.random.default_rng(seed)
    d = rng.uniform(0.5, 2.0, size=n)
    b = rng.standard_normal(n)
    fn = lambda x: 0.5 * np.dot(d * x, x) - np.dot(b, x)
    grad = lambda x: d * x - b
    return fn, grad


def scenario():
    fn, grad = make_problem(400000)
    solver = Nesterov(fn, grad, lr=0.2, maxiter=25)
    _, result = solver.solve(np.zeros(400000), IterationResult(history_logging_interval=1))
    return result
