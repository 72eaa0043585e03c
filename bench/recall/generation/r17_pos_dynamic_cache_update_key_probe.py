"""Incremental decoding with a Hugging Face-style `DynamicCache`, in the shape of the minimal LLaMA
ports that copy `transformers.cache_utils`: the cache keeps one key and one value tensor per layer and
its `update(key_states, value_states, layer_idx)` concatenates the new step onto them with `torch.cat`
and hands back the full keys and values for attention.  The attention layer of this port also feeds a
debugging probe that records the newest key of every head at each step (the entry the step appended),
to plot how the keys drift during generation."""
from typing import Any, Dict, List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class DynamicCache:
    def __init__(self):
        self.key_cache: List[torch.Tensor] = []
        self.value_cache: List[torch.Tensor] = []

    def update(self, key_states: torch.Tensor, value_states: torch.Tensor, layer_idx: int,
               cache_kwargs: Optional[Dict[str, Any]] = None) -> Tuple[torch.Tensor, torch.Tensor]:
        if len(self.key_cache) <= layer_idx:
            self.key_cache.append(key_states)
            self.value_cache.append(value_states)
        else:
            self.key_cache[layer_idx] = torch.cat([self.key_cache[layer_idx], key_states], dim=-2)
            self.value_cache[layer_idx] = torch.cat([self.value_cache[layer_idx], value_states], dim=-2)
        return self.key_cache[layer_idx], self.value_cache[layer_idx]

    def get_seq_length(self, layer_idx: int = 0) -> int:
        if len(self.key_cache) <= layer_idx:
            return 0
        return self.key_cache[layer_idx].shape[-2]


class KeyDriftProbe:
    def __init__(self):
        self.newest_keys = []

    def record(self, keys):
        self.newest_keys.append(keys[:, :, -1])  # expect: VL001


class CausalSelfAttention(nn.Module):
    def __init__(self, dim, n_heads, layer_idx, probe=None):
        super().__init__()
        self.n_heads = n_heads
        self.head_dim = dim // n_heads
        self.layer_idx = layer_idx
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.probe = probe

    def forward(self, x, cache):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        q = q.view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        k = k.view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        v = v.view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        keys, values = cache.update(k, v, self.layer_idx)
        if self.probe is not None:
            self.probe.record(keys)
        scores = q @ keys.transpose(-2, -1) / self.head_dim ** 0.5
        if t > 1:
            mask = torch.ones(t, keys.shape[-2], dtype=torch.bool).tril(keys.shape[-2] - t)
            scores = scores.masked_fill(~mask, float("-inf"))
        y = F.softmax(scores, dim=-1) @ values
        return self.proj(y.transpose(1, 2).reshape(b, t, d))


class TinyDecoder(nn.Module):
    def __init__(self, vocab=512, dim=128, n_heads=4, probe=None):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.attn = CausalSelfAttention(dim, n_heads, 0, probe=probe)
        self.head = nn.Linear(dim, vocab)

    def forward(self, input_ids, cache):
        h = self.embed(input_ids)
        h = h + self.attn(h, cache)
        return self.head(h)


@torch.no_grad()
def generate(model, input_ids, max_new_tokens):
    cache = DynamicCache()
    logits = model(input_ids, cache)
    next_token = logits[:, -1].argmax(-1, keepdim=True)
    tokens = [next_token]
    for _ in range(max_new_tokens - 1):
        logits = model(next_token, cache)
        next_token = logits[:, -1].argmax(-1, keepdim=True)
        tokens.append(next_token)
    return torch.cat([input_ids] + tokens, dim=1)


def scenario():
    torch.manual_seed(0)
    probe = KeyDriftProbe()
    model = TinyDecoder(probe=probe).eval()
    prompt = torch.randint(0, 512, (4, 16))
    out = generate(model, prompt, max_new_tokens=200)
    return out, probe.newest_keys
