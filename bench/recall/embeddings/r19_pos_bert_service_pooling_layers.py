"""Sentence vectors served from chosen encoder layers, in the shape of bert-as-service's
`bert-serving-start -pooling_layer -4 -3 -2 -1 -pooling_strategy CLS_TOKEN`: the worker runs the
encoder with every layer's hidden states, stacks the requested layers, and pools them with the
strategy named in the server config (a table of pooling functions, as the service's
`PoolingStrategy` enum chooses its graph).  The worker keeps each batch's pooled output until the
client collects the job."""
from dataclasses import dataclass, field
from enum import Enum
from typing import List, Tuple

import torch
import torch.nn as nn


class PoolingStrategy(Enum):
    NONE = 0
    REDUCE_MEAN = 1
    REDUCE_MAX = 2
    CLS_TOKEN = 3

    @staticmethod
    def from_string(s):
        return PoolingStrategy[s]


def masked_reduce_mean(x, mask):
    m = mask[None, :, :, None].to(x.dtype)
    return (x * m).sum(dim=2) / m.sum(dim=2).clamp(min=1.0)


def masked_reduce_max(x, mask):
    return x.masked_fill(~mask[None, :, :, None], float("-inf")).amax(dim=2)


def cls_token(x, mask):
    return x[:, :, 0]


POOLERS = {
    PoolingStrategy.REDUCE_MEAN: masked_reduce_mean,
    PoolingStrategy.REDUCE_MAX: masked_reduce_max,
    PoolingStrategy.CLS_TOKEN: cls_token,
}


@dataclass
class ServerArgs:
    pooling_layer: Tuple[int, ...] = (-4, -3, -2, -1)
    pooling_strategy: str = "CLS_TOKEN"
    max_seq_len: int = 96
    max_batch_size: int = 16


class Encoder(nn.Module):
    def __init__(self, vocab=3000, dim=128, n_layers=6):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(nn.Sequential(nn.Linear(dim, dim), nn.Tanh()) for _ in range(n_layers))

    def forward(self, ids, output_hidden_states=True):
        h = self.embed(ids)
        hidden = [h]
        for layer in self.layers:
            h = h + layer(h)
            hidden.append(h)
        return h, tuple(hidden)


@dataclass
class Worker:
    model: Encoder
    args: ServerArgs
    results: List[torch.Tensor] = field(default_factory=list)

    @torch.no_grad()
    def encode_batch(self, ids, mask):
        _, hidden_states = self.model(ids, output_hidden_states=True)
        stacked = torch.stack([hidden_states[i] for i in self.args.pooling_layer], dim=0)
        pool = POOLERS[PoolingStrategy.from_string(self.args.pooling_strategy)]
        return pool(stacked, mask)

    def serve(self, jobs):
        for ids, mask in jobs:
            pooled = self.encode_batch(ids, mask)
            self.results.append(pooled)  # expect: VL002
        return self.results


def make_jobs(n_jobs, args, vocab=3000, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n_jobs):
        ids = torch.randint(1, vocab, (args.max_batch_size, args.max_seq_len), generator=g)
        lengths = torch.randint(8, args.max_seq_len, (args.max_batch_size,), generator=g)
        mask = torch.arange(args.max_seq_len)[None, :] < lengths[:, None]
        yield ids * mask, mask


def scenario():
    torch.manual_seed(0)
    args = ServerArgs()
    worker = Worker(Encoder().eval(), args)
    return worker.serve(make_jobs(12, args))
