"""Attention-sink monitoring over a preallocated static key/value cache, in the shape of the
"static cache" decoders written for `torch.compile` (one `(B, H, max_len, D)` buffer per layer filled
in place with `cache_k[:, :, pos:pos + t] = k`, attention read through `cache_k[:, :, :pos + t]`): the
loop keeps per layer the keys of the first `n_sink` positions after each step.  Every kept slice is a
view of the same preallocated buffer, so nothing grows with the number of steps."""
import torch
import torch.nn as nn


class StaticCacheAttention(nn.Module):
    def __init__(self, dim=128, heads=4, max_len=512, batch=2):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.register_buffer("cache_k", torch.zeros(batch, heads, max_len, dim // heads))
        self.register_buffer("cache_v", torch.zeros(batch, heads, max_len, dim // heads))
        self.pos = 0

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        end = self.pos + t
        self.cache_k[:, :, self.pos:end] = k
        self.cache_v[:, :, self.pos:end] = v
        self.pos = end
        att = (q @ self.cache_k[:, :, :end].transpose(-2, -1)).softmax(dim=-1)
        y = (att @ self.cache_v[:, :, :end]).transpose(1, 2).reshape(b, t, d)
        return self.out(y)


class TinyStaticDecoder(nn.Module):
    def __init__(self, vocab=1000, dim=128, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(StaticCacheAttention(dim) for _ in range(n_layers))
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = self.embed(ids)
        for layer in self.layers:
            h = h + layer(h)
        return self.head(h[:, -1])


@torch.no_grad()
def generate_with_sink_trace(model, prompt, steps, n_sink=4):
    sink_keys = {i: [] for i in range(len(model.layers))}
    logits = model(prompt)
    for _ in range(steps):
        token = logits.argmax(dim=-1, keepdim=True)
        logits = model(token)
        for i, layer in enumerate(model.layers):
            sink_keys[i].append(layer.cache_k[:, :, :n_sink])
    return sink_keys


def scenario():
    torch.manual_seed(0)
    model = TinyStaticDecoder().eval()
    prompt = torch.randint(0, 1000, (2, 256))
    return generate_with_sink_trace(model, prompt, steps=200)
