import numpy as np

from base import Optimizer


class Adam(Optimizer):
    def __init__(self, lr=1e-2, beta1=0.9, beta2=0.999, eps=1e-8, watch=16):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = None
        self.v = None
        self.watch = watch

    def step(self, params, grad):
        if self.m is None:
            self.m = np.zeros_like(params)
            self.v = np.zeros_like(params)
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grad
        self.v = self.beta2 * self.v + (1 - self.beta2) * grad * grad
        m_hat = self.m / (1 - self.beta1 ** self.t)
        v_hat = self.v / (1 - self.beta2 ** self.t)
        new_params = params - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        self.log("params_head", new_params[:self.watch])
        self.log("lr", self.lr)
        return new_params
