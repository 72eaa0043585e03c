import math

import torch
import torch.nn as nn


class CausalSelfAttention(nn.Module):
    def __init__(self, d=64, heads=8):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.heads)
        mask = torch.ones(t, t, dtype=torch.bool).tril()
        att = torch.softmax(att.masked_fill(~mask, float("-inf")), dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        return self.proj(y), att


class TinyDecoder(nn.Module):
    def __init__(self, vocab=800, d=64):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.attn = CausalSelfAttention(d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        y, att = self.attn(self.tok(ids))
        return self.head(y), att
