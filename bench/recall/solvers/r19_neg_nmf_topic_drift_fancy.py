"""Topic modelling by non-negative matrix factorisation with Lee and Seung's
multiplicative updates, after the NumPy NMF topic-model classes of tutorials
and small libraries (`H = H * (W.T @ V) / (W.T @ W @ H)`, then the same for
`W`): both factors are rebound to new arrays every iteration, and a drift
monitor records, for a few watched topics, the weights of that topic's top
words and the norm of every topic row.  The weights are read with a fancy
index (`H[k, top]`), which copies, so the monitor keeps only its own small
arrays, not the `(k, n_words)` factor of each iteration."""
import numpy as np


class TopicDriftMonitor:
    def __init__(self, topics, n_top=10):
        self.topics = list(topics)
        self.n_top = n_top
        self.top_weights = {k: [] for k in self.topics}
        self.row_norms = []

    def __call__(self, it, W, H):
        for k in self.topics:
            top = np.argsort(H[k])[::-1][: self.n_top]
            self.top_weights[k].append(H[k, top])
        self.row_norms.append(np.linalg.norm(H, axis=1))


class MultiplicativeNMF:
    def __init__(self, n_topics=20, max_iter=40, eps=1e-10, seed=0):
        self.n_topics = n_topics
        self.max_iter = max_iter
        self.eps = eps
        self.rng = np.random.default_rng(seed)

    def fit(self, V, callbacks=()):
        n_docs, n_words = V.shape
        W = self.rng.uniform(0.1, 1.0, (n_docs, self.n_topics))
        H = self.rng.uniform(0.1, 1.0, (self.n_topics, n_words))
        for it in range(self.max_iter):
            H = H * (W.T @ V) / (W.T @ W @ H + self.eps)
            W = W * (V @ H.T) / (W @ (H @ H.T) + self.eps)
            for cb in callbacks:
                cb(it, W, H)
        self.components_ = H
        return W


def term_counts(n_docs=200, n_words=2000, seed=1):
    rng = np.random.default_rng(seed)
    return rng.poisson(0.05, (n_docs, n_words)).astype(float)


def scenario():
    V = term_counts()
    monitor = TopicDriftMonitor(topics=[0, 3, 7])
    model = MultiplicativeNMF()
    W = model.fit(V, callbacks=[monitor])
    return W.shape, monitor
