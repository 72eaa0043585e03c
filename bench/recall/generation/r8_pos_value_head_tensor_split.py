"""PPO-style rollout for RLHF, as in small fine-tuning libraries whose causal LM carries a value head:
the model returns one packed (batch, time, vocab + 1) tensor, the policy logits and the per-position
value side by side, and the sampler cuts it with `torch.tensor_split(out, [vocab], dim=-1)`.  A
closure inside `rollout` records each step's last-position value for the advantage estimate
(`values += [v]`, with a `nonlocal` step counter).  `tensor_split` pieces and `[:, -1, 0]` are
views, so each kept (batch,) value pins that step's whole packed output."""
from typing import List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class LMWithValueHead(nn.Module):
    def __init__(self, vocab: int = 3000, dim: int = 96):
        super().__init__()
        self.vocab = vocab
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.GRU(dim, dim, batch_first=True)
        self.lm_head = nn.Linear(dim, vocab)
        self.v_head = nn.Linear(dim, 1)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        h, _ = self.mix(self.embed(ids))
        return torch.cat([self.lm_head(h), self.v_head(h)], dim=-1)    # (batch, time, vocab + 1)


@torch.no_grad()
def rollout(model: LMWithValueHead, queries: torch.Tensor, gen_len: int,
            temperature: float = 0.7) -> Tuple[torch.Tensor, List[torch.Tensor]]:
    values: List[torch.Tensor] = []
    n_steps = 0

    def record(value: torch.Tensor) -> None:
        nonlocal values, n_steps
        values += [value[:, -1, 0]]  # expect: VL002
        n_steps += 1

    ids = queries
    for _ in range(gen_len):
        out = model(ids)
        logits, value = torch.tensor_split(out, [model.vocab], dim=-1)
        record(value)
        probs = F.softmax(logits[:, -1, :] / temperature, dim=-1)
        ids = torch.cat([ids, torch.multinomial(probs, 1)], dim=1)
    else:
        assert n_steps == gen_len
    return ids[:, queries.size(1):], values


def scenario():
    torch.manual_seed(0)
    model = LMWithValueHead().eval()
    queries = torch.randint(0, 3000, (4, 24))
    responses, values = rollout(model, queries, gen_len=32)
    return responses, values
