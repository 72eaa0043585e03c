"""Incremental decoding with a growing key/value cache (torch.cat along the time axis).
For an attention-sink analysis the newest key of each step is kept."""
import torch


class LayerKVCache:
    def __init__(self, batch, heads, head_dim):
        self.keys = torch.empty(batch, heads, 0, head_dim)
        self.values = torch.empty(batch, heads, 0, head_dim)

    def update(self, k, v):
        self.keys = torch.cat([self.keys, k], dim=2)
        self.values = torch.cat([self.values, v], dim=2)
        return self.keys, self.values


def attend(q, keys, values):
    w = torch.softmax(q @ keys.transpose(-1, -2) / keys.size(-1) ** 0.5, dim=-1)
    return w @ values


def decode(steps=160, batch=2, heads=8, head_dim=64):
    torch.manual_seed(2)
    wq = torch.randn(heads * head_dim, heads * head_dim) * 0.02
    cache = LayerKVCache(batch, heads, head_dim)
    x = torch.randn(batch, 1, heads * head_dim)
    newest_keys = []
    for _ in range(steps):
        q = (x @ wq).view(batch, 1, heads, head_dim).transpose(1, 2)
        k = q + 0.1
        v = q - 0.1
        keys, values = cache.update(k, v)
        newest_keys.append(keys[:, :, -1])  # expect: VL001
        x = attend(q, keys, values).transpose(1, 2).reshape(batch, 1, heads * head_dim)
    return newest_keys


def scenario():
    return decode()


if __name__ == "__main__":
    print(len(scenario()))
