"""A NumPy-only single-head attention language model (no KV cache: the whole context is re-encoded
each step, as in many teaching implementations).  `TokenStream` is iterated to generate; an optional
tracer keeps the query vector of the newest position at every step for an attention-sink study."""
import numpy as np


def softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


class NumpyAttentionLM:
    def __init__(self, vocab=512, d=64, seed=0):
        rng = np.random.default_rng(seed)
        self.d = d
        self.wte = rng.standard_normal((vocab, d)) * 0.1
        self.w_qkv = rng.standard_normal((d, 3 * d)) / np.sqrt(d)
        self.w_out = rng.standard_normal((d, d)) / np.sqrt(d)

    def forward(self, ids):
        x = self.wte[ids]                                   # (B, T, d)
        qkv = x @ self.w_qkv                                # (B, T, 3d)
        q, k, v = np.split(qkv, 3, axis=-1)
        t = ids.shape[1]
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(self.d)
        scores = np.where(np.triu(np.ones((t, t), dtype=bool), 1), -1e9, scores)
        h = softmax(scores) @ v @ self.w_out + x
        return h[:, -1] @ self.wte.T, q


class QueryTracer:
    def __init__(self):
        self.queries = []

    def on_step(self, step, q):
        self.queries.append(q[:, -1])  # expect: VL001


class TokenStream:
    def __init__(self, model, prompt, steps, tracer=None, seed=0):
        self.model = model
        self.ids = prompt
        self.steps = steps
        self.tracer = tracer
        self.rng = np.random.default_rng(seed)

    def __iter__(self):
        for step in range(self.steps):
            logits, q = self.model.forward(self.ids)
            if self.tracer is not None:
                self.tracer.on_step(step, q)
            p = softmax(logits)
            nxt = np.array([self.rng.choice(p.shape[1], p=row) for row in p])
            self.ids = np.concatenate([self.ids, nxt[:, None]], axis=1)
            yield nxt


def scenario():
    model = NumpyAttentionLM()
    prompt = np.random.default_rng(1).integers(0, 512, size=(4, 48))
    tracer = QueryTracer()
    for _ in TokenStream(model, prompt, steps=60, tracer=tracer):
        pass
    return tracer.queries


if __name__ == "__main__":
    print(len(scenario()))
