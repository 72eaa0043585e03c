"""Fits the model and records the bias vector after every iterate with a
callback object, for the convergence figure."""
import numpy as np

from model import SoftmaxRegression
from solver import minimize_gd


class BiasTrace:
    def __init__(self, every=1):
        self.every = every
        self.calls = 0
        self.trace = []

    def __call__(self, params):
        self.calls += 1
        if self.calls % self.every:
            return
        self.trace.append(params["bias"])  # expect: VL001


def make_data(n=400, d=3000, k=10, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)) / np.sqrt(d)
    Y = np.eye(k)[rng.integers(0, k, size=n)]
    return X, Y


def scenario():
    X, Y = make_data()
    model = SoftmaxRegression(X.shape[1], Y.shape[1])
    trace = BiasTrace()
    minimize_gd(model.loss_and_grad, np.zeros(model.n_params), args=(X, Y),
                callback=trace, unpack=model.unpack, maxiter=40)
    return trace.trace
