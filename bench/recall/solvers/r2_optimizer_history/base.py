"""A tiny first-order optimiser framework: the base class owns the diagnostics
every optimiser records (the head of the iterate, step sizes)."""


class Optimizer:
    def __init__(self, lr):
        self.lr = lr
        self.t = 0
        self.history = {}

    def log(self, key, value):
        self.history.setdefault(key, []).append(value)  # expect: VL001

    def step(self, params, grad):
        raise NotImplementedError
