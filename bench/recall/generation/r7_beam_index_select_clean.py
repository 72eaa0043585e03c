"""Beam search for a small decoder-only LM with a per-beam hidden-state trace for a later analysis of
beam diversity.  The prefix tensor is expanded to the beams with `expand`, candidates are ranked over
the flattened (beams * vocab) scores, and the surviving beams' rows are gathered with `index_select`,
which copies; the trace keeps those gathered rows and the scores as floats.  So each kept trace entry
owns its (beams, dim) memory and no step's (beams, time, dim) states or logits stay alive."""
from typing import List, Tuple

import torch
import torch.nn as nn


class PrefixDecoder(nn.Module):
    def __init__(self, vocab: int = 5000, dim: int = 256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        h = torch.tanh(self.mix(self.embed(ids).cumsum(dim=1)))          # (beams, time, dim)
        return self.head(h), h


class BeamTrace:
    def __init__(self):
        self.rows: List[torch.Tensor] = []
        self.scores: List[List[float]] = []

    def log(self, beam_rows: torch.Tensor, beam_scores: torch.Tensor) -> None:
        self.rows.append(beam_rows)
        self.scores.append(beam_scores.tolist())


@torch.no_grad()
def beam_search(model: nn.Module, prompt: torch.Tensor, beams: int, steps: int, trace: BeamTrace):
    seqs = prompt[None].expand(beams, -1)                               # (beams, time)
    scores = torch.zeros(beams)
    scores[1:] = float("-inf")
    for _ in range(steps):
        logits, hidden = model(seqs)
        logp = torch.log_softmax(logits[:, -1], dim=-1)
        vocab = logp.size(-1)
        flat = (scores[:, None] + logp).reshape(-1)
        top_scores, top_idx = flat.topk(beams)
        beam_idx = torch.div(top_idx, vocab, rounding_mode="floor")
        token_idx = top_idx % vocab
        seqs = torch.cat([seqs.index_select(0, beam_idx), token_idx[:, None]], dim=1)
        scores = top_scores
        trace.log(hidden[:, -1].index_select(0, beam_idx), scores)
    best = int(scores.argmax())
    return seqs[best].clone(), float(scores[best])


def scenario():
    torch.manual_seed(0)
    model = PrefixDecoder().eval()
    trace = BeamTrace()
    results = [beam_search(model, torch.randint(0, 5000, (32,)), beams=8, steps=40, trace=trace)
               for _ in range(2)]
    return results, trace.rows, trace.scores
