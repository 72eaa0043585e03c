"""Greedy decoding with an immutable decoding state, in the functional style of JAX/Flax decoders
ported to PyTorch: a frozen `DecodeState` dataclass (tokens, step, last-position logits) is advanced
with `dataclasses.replace(state, ...)` each step, and every state is appended to a trajectory that
the caller inspects afterwards (per-step confidences, entropy plots).  The `last_logits` field is
`logits[:, -1, :]`, a view of that step's whole (batch, time, vocab) logits.  Written after
decoding-state dataclasses in sampling/beam-search code (t5x-style `DecodingState`, `LMState`
records); the model is a small stand-in that recomputes the logits of the whole prefix each call."""
import dataclasses
from typing import List

import torch


@dataclasses.dataclass(frozen=True)
class DecodeState:
    tokens: torch.Tensor
    step: int
    last_logits: torch.Tensor = None


class TinyLM(torch.nn.Module):
    def __init__(self, vocab=8000, dim=64):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab, dim)
        self.head = torch.nn.Linear(dim, vocab, bias=False)

    def forward(self, tokens):
        h = torch.cumsum(self.embed(tokens), dim=1)
        return self.head(h)


@torch.no_grad()
def greedy_decode(model, prompt, max_new_tokens) -> List[DecodeState]:
    state = DecodeState(tokens=prompt, step=0)
    trajectory = []
    for _ in range(max_new_tokens):
        logits = model(state.tokens)
        next_tok = logits[:, -1, :].argmax(dim=-1, keepdim=True)
        state = dataclasses.replace(
            state,
            tokens=torch.cat([state.tokens, next_tok], dim=1),
            step=state.step + 1,
            last_logits=logits[:, -1, :],
        )
        trajectory.append(state)  # expect: VL002
    return trajectory


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 8000, (2, 32))
    return greedy_decode(model, prompt, max_new_tokens=30)
