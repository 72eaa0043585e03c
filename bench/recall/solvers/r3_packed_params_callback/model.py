"""A softmax-regression model whose parameters live in one flat vector, as
models handed to scipy.optimize-style solvers are written."""
import numpy as np


class SoftmaxRegression:
    def __init__(self, n_features, n_classes):
        self.n_features = n_features
        self.n_classes = n_classes
        self.n_weights = n_features * n_classes

    @property
    def n_params(self):
        return self.n_weights + self.n_classes

    def unpack(self, theta):
        W = theta[: self.n_weights].reshape(self.n_features, self.n_classes)
        b = theta[self.n_weights:]
        return {"weights": W, "bias": b}

    def loss_and_grad(self, theta, X, Y):
        p = self.unpack(theta)
        logits = X @ p["weights"] + p["bias"]
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(Y * np.log(prob + 1e-12), axis=1))
        d = (prob - Y) / len(X)
        grad = np.concatenate([(X.T @ d).ravel(), d.sum(axis=0)])
        return loss, grad
