"""Sampling with an immutable decoding state: a frozen `SampleState` dataclass (tokens, step,
log-probabilities of the last position) is advanced with `dataclasses.replace(state, ...)` each
step and every state is kept in a trajectory for a per-step entropy report.  The kept field is
`torch.log_softmax(logits[:, -1, :], dim=-1)`, a new (batch, vocab) tensor, so a state holds
nothing of the step's whole logits.  Written after decoding-state dataclasses in sampling code
(t5x-style `DecodingState`, `LMState` records); the model is a small stand-in that recomputes the
logits of the whole prefix each call."""
import dataclasses
from typing import List

import torch


@dataclasses.dataclass(frozen=True)
class SampleState:
    tokens: torch.Tensor
    step: int
    last_logprobs: torch.Tensor = None


class TinyLM(torch.nn.Module):
    def __init__(self, vocab=8000, dim=64):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab, dim)
        self.head = torch.nn.Linear(dim, vocab, bias=False)

    def forward(self, tokens):
        h = torch.cumsum(self.embed(tokens), dim=1)
        return self.head(h)


@torch.no_grad()
def sample(model, prompt, max_new_tokens, temperature=0.8) -> List[SampleState]:
    state = SampleState(tokens=prompt, step=0)
    trajectory = []
    for _ in range(max_new_tokens):
        logits = model(state.tokens)
        logprobs = torch.log_softmax(logits[:, -1, :] / temperature, dim=-1)
        next_tok = torch.multinomial(logprobs.exp(), num_samples=1)
        state = dataclasses.replace(
            state,
            tokens=torch.cat([state.tokens, next_tok], dim=1),
            step=state.step + 1,
            last_logprobs=logprobs,
        )
        trajectory.append(state)
    return trajectory


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 8000, (2, 32))
    return sample(model, prompt, max_new_tokens=30)
