"""Sampling with an immutable decoder state, in the shape of the functional decoding loops (T5X /
praxis style, ported to PyTorch) that carry a `typing.NamedTuple` through the loop and advance it
with `state._replace(...)` instead of mutating it.  The model has no cache and scores the whole
prefix at each step; the state carries the step's last-position logits so that a repetition
penalty can be applied at the next step, and every state is kept in a trajectory for the debugging
view.  `last_logits` is `logits[:, -1]`, a view of a (batch, length, vocab) tensor made anew at each
step, so each kept state pins the whole step's logits."""
from typing import NamedTuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class DecodeState(NamedTuple):
    tokens: torch.Tensor
    last_logits: torch.Tensor
    step: int
    done: torch.Tensor


class PrefixLM(nn.Module):
    def __init__(self, vocab=6000, dim=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, tokens):
        h = self.embed(tokens).cumsum(dim=1)
        return self.out(F.gelu(self.proj(h)))


def init_state(prompt, vocab):
    batch = prompt.size(0)
    return DecodeState(tokens=prompt, last_logits=torch.zeros(batch, vocab), step=0,
                       done=torch.zeros(batch, dtype=torch.bool))


def penalize(logits, prev_logits, alpha=0.1):
    return logits - alpha * prev_logits.softmax(dim=-1)


@torch.no_grad()
def decode(model, prompt, max_steps=48, eos_id=2, temperature=0.8):
    state = init_state(prompt, model.out.out_features)
    trajectory = []
    while state.step < max_steps and not bool(state.done.all()):
        logits = model(state.tokens)
        scores = penalize(logits[:, -1], state.last_logits) / temperature
        nxt = torch.multinomial(scores.softmax(dim=-1), 1)
        nxt = torch.where(state.done.unsqueeze(1), torch.full_like(nxt, eos_id), nxt)
        state = state._replace(
            tokens=torch.cat([state.tokens, nxt], dim=1),
            last_logits=logits[:, -1],
            step=state.step + 1,
            done=state.done | (nxt.squeeze(1) == eos_id),
        )
        trajectory.append(state)  # expect: VL002
    return state.tokens, trajectory


def scenario():
    torch.manual_seed(11)
    model = PrefixLM().eval()
    tokens, trajectory = decode(model, torch.randint(3, 6000, (4, 32)))
    return tokens, trajectory
