"""A small generation front end with a fluent configuration API (`Generator(model).using("sample",
temperature=0.8).limit(24).run(prompt)`), returning an HF-style output object whose `scores` list
holds each step's next-token logits for later inspection."""
from dataclasses import dataclass, field
from typing import List, Optional

import torch
import torch.nn as nn

from strategies import STRATEGIES


class TinyDecoder(nn.Module):
    def __init__(self, vocab=4000, d=48):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.proj = nn.Linear(d, d)
        self.lm_head = nn.Linear(d, vocab)

    def forward(self, ids):
        h = torch.relu(self.proj(self.emb(ids))).cumsum(dim=1)
        return self.lm_head(h)


@dataclass
class GenerationOutput:
    sequences: Optional[torch.Tensor] = None
    scores: List[torch.Tensor] = field(default_factory=list)


class Generator:
    def __init__(self, model):
        self.model = model
        self.strategy = STRATEGIES["greedy"]
        self.temperature = 1.0
        self.top_k = 0
        self.max_new_tokens = 16
        self.eos_token_id = None

    def using(self, name, temperature=1.0, top_k=0):
        self.strategy = STRATEGIES[name]
        self.temperature = temperature
        self.top_k = top_k
        return self

    def limit(self, max_new_tokens, eos_token_id=None):
        self.max_new_tokens = max_new_tokens
        self.eos_token_id = eos_token_id
        return self

    @torch.no_grad()
    def run(self, input_ids):
        out = GenerationOutput()
        ids = input_ids
        for _ in range(self.max_new_tokens):
            logits = self.model(ids)
            step_logits = logits[:, -1, :]
            out.scores.append(step_logits)  # expect: VL002
            next_tokens = self.strategy(step_logits, self.temperature, self.top_k)
            ids = torch.cat([ids, next_tokens], dim=1)
            if self.eos_token_id is not None and bool((next_tokens == self.eos_token_id).all()):
                break
        out.sequences = ids
        return out


def scenario():
    torch.manual_seed(3)
    model = TinyDecoder().eval()
    prompt = torch.randint(0, 4000, (2, 24))
    result = Generator(model).using("sample", temperature=0.8).limit(24).run(prompt)
    return result
