"""Same NumPy toy model, but only the distributions of the last few steps are kept, for a
repetition check on the running output (a bounded window)."""
from collections import deque

import numpy as np


class NumpyLM:
    def __init__(self, vocab=1000, dim=32, seed=0):
        rng = np.random.default_rng(seed)
        self.E = rng.standard_normal((vocab, dim)) / np.sqrt(dim)
        self.W = rng.standard_normal((dim, dim)) / np.sqrt(dim)

    def logits(self, tokens):
        h = np.tanh(np.cumsum(self.E[tokens], axis=0) @ self.W)
        return h @ self.E.T


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def generate(lm, prompt, n_tokens=100, window=4, seed=2):
    rng = np.random.default_rng(seed)
    tokens = list(prompt)
    recent = deque(maxlen=window)
    while len(tokens) < len(prompt) + n_tokens:
        probs = softmax(lm.logits(np.asarray(tokens)))
        recent.append(probs[-1])
        if len(recent) == window and all(np.argmax(p) == np.argmax(recent[0]) for p in recent):
            probs[-1, np.argmax(recent[0])] = 0.0
            probs[-1] /= probs[-1].sum()
        tokens.append(int(rng.choice(probs.shape[1], p=probs[-1])))
    return tokens, recent


def scenario():
    _, recent = generate(NumpyLM(), [3, 1, 4])
    return recent


if __name__ == "__main__":
    print(len(scenario()))
