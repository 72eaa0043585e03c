"""Greedy decoding with a hand-written key/value cache (one `(k, v)` pair per layer, grown with
`torch.cat` at every step), and an interpretability probe that records, per layer, the key of the
newest position at each step: `k[:, :, -1].detach()`.  On a CPU tensor `detach()` shares the storage, so
each recorded key holds that step's whole concatenated key tensor of its layer.  The probe is a
`defaultdict(list)` keyed by layer, filled with `enumerate(zip(...), start=1)` layer numbers."""
from collections import defaultdict
from typing import List, Optional, Tuple

import torch
import torch.nn as nn

Past = List[Tuple[torch.Tensor, torch.Tensor]]


class CachedSelfAttention(nn.Module):
    def __init__(self, dim: int, heads: int):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor, past: Optional[Tuple[torch.Tensor, torch.Tensor]]):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        att = torch.softmax(q @ k.transpose(-1, -2) / (d // self.heads) ** 0.5, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        return self.out(y), (k, v)


class Decoder(nn.Module):
    def __init__(self, vocab: int = 2000, dim: int = 256, heads: int = 4, layers: int = 3):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(CachedSelfAttention(dim, heads) for _ in range(layers))
        self.lm_head = nn.Linear(dim, vocab)

    def forward(self, ids: torch.Tensor, past: Optional[Past] = None):
        x = self.embed(ids)
        present = []
        for i, block in enumerate(self.blocks):
            h, kv = block(x, None if past is None else past[i])
            x = x + h
            present.append(kv)
        return self.lm_head(x), present


class KeyProbe:
    def __init__(self):
        self.keys = defaultdict(list)

    def record(self, present: Past) -> None:
        for layer_no, (k, _v) in enumerate(present, start=1):
            self.keys[layer_no].append(k[:, :, -1].detach())  # expect: VL001


@torch.no_grad()
def generate(model: Decoder, prompt: torch.Tensor, steps: int, probe: KeyProbe) -> torch.Tensor:
    logits, past = model(prompt)
    tokens = [prompt]
    for _ in range(steps):
        next_id = logits[:, -1].argmax(-1, keepdim=True)
        tokens.append(next_id)
        logits, past = model(next_id, past)
        probe.record(past)
    return torch.cat(tokens, dim=1)


def scenario():
    torch.manual_seed(0)
    model = Decoder().eval()
    probe = KeyProbe()
    out = generate(model, torch.randint(0, 2000, (8, 64)), steps=40, probe=probe)
    return out, dict(probe.keys)
