"""A NumPy-only toy language model (embedding lookup, one attention-free mixing layer,
tied output projection) sampled token by token.  The next-token distributions are kept
per emitted token id to study what the model predicts after each symbol."""
from collections import defaultdict

import numpy as np


class NumpyLM:
    def __init__(self, vocab=1200, dim=32, seed=0):
        rng = np.random.default_rng(seed)
        self.E = rng.standard_normal((vocab, dim)) / np.sqrt(dim)
        self.W = rng.standard_normal((dim, dim)) / np.sqrt(dim)

    def logits(self, tokens):
        x = self.E[tokens]                                  # (t, dim)
        h = np.tanh(np.cumsum(x, axis=0) @ self.W)
        return h @ self.E.T                                 # (t, vocab)


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def generate(lm, prompt, n_tokens=110, temperature=0.9, seed=1):
    rng = np.random.default_rng(seed)
    tokens = list(prompt)
    after = defaultdict(list)
    for _ in range(n_tokens):
        probs = softmax(lm.logits(np.asarray(tokens)) / temperature)
        tok = int(rng.choice(probs.shape[1], p=probs[-1]))
        after[tokens[-1]].append(probs[-1])  # expect: VL002
        tokens.append(tok)
    return tokens, after


def scenario():
    lm = NumpyLM()
    _, after = generate(lm, [5, 17, 42])
    return after


if __name__ == "__main__":
    print(sum(len(v) for v in scenario().values()))
