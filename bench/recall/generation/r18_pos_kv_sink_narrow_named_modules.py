"""Attention-sink monitoring for a small decoder with a growing key/value cache, in the shape of the
StreamingLLM-style experiment scripts: each attention layer keeps its keys and values in attributes
grown with `torch.cat` inside `forward`, and the generation loop walks `model.named_modules()` after
every step to record, per layer, the keys of the first `n_sink` positions (`torch.narrow(m.cache_k,
2, 0, n_sink)`) for a plot of how the sink tokens' keys drift."""
from collections import defaultdict

import torch
import torch.nn as nn


class CachedSelfAttention(nn.Module):
    def __init__(self, dim=256, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.cache_k = None
        self.cache_v = None

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        if self.cache_k is None:
            self.cache_k, self.cache_v = k, v
        else:
            self.cache_k = torch.cat([self.cache_k, k], dim=2)
            self.cache_v = torch.cat([self.cache_v, v], dim=2)
        att = (q @ self.cache_k.transpose(-2, -1)).softmax(dim=-1)
        y = (att @ self.cache_v).transpose(1, 2).reshape(b, t, d)
        return self.out(y)


class TinyDecoder(nn.Module):
    def __init__(self, vocab=1000, dim=256, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(CachedSelfAttention(dim) for _ in range(n_layers))
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = self.embed(ids)
        for layer in self.layers:
            h = h + layer(h)
        return self.head(h[:, -1])


@torch.no_grad()
def generate_with_sink_trace(model, prompt, steps, n_sink=4):
    sink_keys = defaultdict(list)
    logits = model(prompt)
    for _ in range(steps):
        token = logits.argmax(dim=-1, keepdim=True)
        logits = model(token)
        for name, m in model.named_modules():
            if isinstance(m, CachedSelfAttention):
                sink_keys[name].append(torch.narrow(m.cache_k, 2, 0, n_sink))  # expect: VL001
    return sink_keys


def scenario():
    torch.manual_seed(0)
    model = TinyDecoder().eval()
    prompt = torch.randint(0, 1000, (2, 256))
    return generate_with_sink_trace(model, prompt, steps=60)
