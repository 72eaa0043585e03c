"""The sampling half of a PPO rollout for RLHF, as in small fine-tuning libraries: each step keeps the
log-probability of the sampled token for the ratio in the PPO loss, and the last-position entropy
for a logging callback.  Both come out of the step's full (batch, time, vocab) log-softmax through
`gather(-1, ...)` and a reduction, which copy, so nothing kept holds the step's logits.  A
`@dataclass` buffer collects the steps and is read once the rollout is done."""
from dataclasses import dataclass, field
from typing import List

import torch
import torch.nn as nn


class TinyPolicy(nn.Module):
    def __init__(self, vocab: int = 3000, dim: int = 96):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.GRU(dim, dim, batch_first=True)
        self.lm_head = nn.Linear(dim, vocab)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        h, _ = self.mix(self.embed(ids))
        return self.lm_head(h)


@dataclass
class RolloutBuffer:
    logprobs: List[torch.Tensor] = field(default_factory=list)
    entropies: List[torch.Tensor] = field(default_factory=list)

    def add(self, logprob: torch.Tensor, entropy: torch.Tensor) -> None:
        self.logprobs.append(logprob)
        self.entropies.append(entropy)


@torch.no_grad()
def rollout(model: nn.Module, queries: torch.Tensor, gen_len: int, buffer: RolloutBuffer,
            temperature: float = 0.7) -> torch.Tensor:
    ids = queries
    for _ in range(gen_len):
        logp = torch.log_softmax(model(ids) / temperature, dim=-1)
        last = logp[:, -1, :]
        next_ids = torch.multinomial(last.exp(), 1)
        chosen = last.gather(-1, next_ids).squeeze(-1)
        entropy = -(last.exp() * last).sum(-1)
        buffer.add(chosen, entropy)
        ids = torch.cat([ids, next_ids], dim=1)
    return ids[:, queries.size(1):]


def scenario():
    torch.manual_seed(0)
    model = TinyPolicy().eval()
    buffer = RolloutBuffer()
    responses = rollout(model, torch.randint(0, 3000, (4, 24)), gen_len=32, buffer=buffer)
    return responses, buffer
