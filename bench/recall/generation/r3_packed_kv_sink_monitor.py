"""Incremental decoding with a packed key/value cache (keys and values side by side in one tensor,
grown with torch.cat), behind a small Cache class hierarchy.  An attention-sink monitor reads the
cache after every step and keeps the first position's key for a drift plot."""
import torch
import torch.nn as nn


class Cache:
    def update(self, k, v):
        raise NotImplementedError

    def keys(self):
        raise NotImplementedError

    def values(self):
        raise NotImplementedError


class PackedCache(Cache):
    def __init__(self):
        self.kv = None

    @classmethod
    def empty(cls):
        return cls()

    def update(self, k, v):
        step = torch.cat([k, v], dim=-1)
        self.kv = step if self.kv is None else torch.cat([self.kv, step], dim=1)
        return self.keys(), self.values()

    def keys(self):
        return self.kv.chunk(2, dim=-1)[0]

    def values(self):
        return self.kv.chunk(2, dim=-1)[1]

    def __len__(self):
        return 0 if self.kv is None else self.kv.size(1)


class SinkMonitor:
    def __init__(self):
        self.sink_keys = []

    def __call__(self, cache):
        self.sink_keys.append(cache.keys()[:, 0])  # expect: VL001


class OneLayerDecoder(nn.Module):
    def __init__(self, vocab=1000, d=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, vocab)
        self.d = d

    def forward(self, ids, cache):
        x = self.emb(ids)
        q, k, v = self.qkv(x).split(self.d, dim=-1)
        keys, values = cache.update(k, v)
        att = torch.softmax(q @ keys.transpose(1, 2) / self.d ** 0.5, dim=-1)
        return self.out(att @ values + x)


@torch.no_grad()
def decode(model, prompt, steps, monitor=None):
    cache = PackedCache.empty()
    logits = model(prompt, cache)
    tokens = [prompt]
    for _ in range(steps):
        nxt = logits[:, -1:].argmax(-1)
        tokens.append(nxt)
        logits = model(nxt, cache)
        if monitor is not None:
            monitor(cache)
    return torch.cat(tokens, dim=1)


def scenario():
    torch.manual_seed(4)
    monitor = SinkMonitor()
    decode(OneLayerDecoder().eval(), torch.randint(0, 1000, (8, 32)), steps=96, monitor=monitor)
    return monitor.sink_keys


if __name__ == "__main__":
    print(len(scenario()))
