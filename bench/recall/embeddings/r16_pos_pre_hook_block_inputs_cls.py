"""Layer-wise probing through forward *pre*-hooks, in the shape of the probing and pruning scripts that
record what each transformer block receives: `register_forward_pre_hook` hands the hook the block's
positional arguments as a tuple, and the hook keeps the CLS position of the hidden states,
`args[0][:, 0]`, in a `defaultdict(list)` keyed by block name.  The hidden states entering every
block are made anew by the block before it (and by the embedding for the first), per batch."""
from collections import defaultdict

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, hidden_states):
        return hidden_states + self.mlp(self.norm(hidden_states))


class Encoder(nn.Module):
    def __init__(self, vocab=8000, dim=96, depth=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList([Block(dim) for _ in range(depth)])

    def forward(self, input_ids):
        h = self.embed(input_ids)
        for block in self.blocks:
            h = block(h)
        return h


def attach_input_probes(model, store):
    handles = []
    for name, module in model.named_modules():
        if isinstance(module, Block):
            def pre_hook(mod, args, name=name):
                store[name].append(args[0][:, 0])  # expect: VL002
            handles.append(module.register_forward_pre_hook(pre_hook))
    return handles


@torch.no_grad()
def run_probe(model, n_batches=24, batch_size=32, seq_len=96):
    store = defaultdict(list)
    handles = attach_input_probes(model, store)
    g = torch.Generator().manual_seed(0)
    for _ in range(n_batches):
        model(torch.randint(0, 8000, (batch_size, seq_len), generator=g))
    for handle in handles:
        handle.remove()
    return dict(store)


def scenario():
    torch.manual_seed(0)
    return run_probe(Encoder().eval())
