"""N-best reranking with a small decoder LM, as in reranking scripts for ASR/MT hypotheses: every
candidate continuation is scored by a forward pass over prompt + candidate.  The forward passes are
run first (`outputs = [lm(ids) for ids in batch_ids]`), and a second loop walks the outputs to read the
next-token distribution after each candidate, which is kept for a later calibration report.  The kept
row `logits[0, -1]` is a view of that candidate's whole (1, T, vocab) logits tensor."""
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalLM(nn.Module):
    def __init__(self, vocab_size: int = 6000, dim: int = 96):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.head = nn.Linear(dim, vocab_size)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        h, _ = self.rnn(self.embed(input_ids))
        return self.head(h)


def sequence_logprob(logits: torch.Tensor, ids: torch.Tensor) -> float:
    logp = F.log_softmax(logits[:, :-1], dim=-1)
    return logp.gather(-1, ids[:, 1:, None]).sum().item()


@torch.no_grad()
def rerank(lm: CausalLM, prompt: List[int], candidates: List[List[int]]) -> Tuple[List[Tuple[float, int]], Dict[int, torch.Tensor]]:
    lm.eval()
    batch_ids = [torch.tensor([prompt + cand]) for cand in candidates]
    outputs = [lm(ids) for ids in batch_ids]

    scored = []
    next_token_dists: Dict[int, torch.Tensor] = {}
    for cand_idx, (ids, logits) in enumerate(zip(batch_ids, outputs)):
        scored.append((sequence_logprob(logits, ids), cand_idx))
        next_token_dists[cand_idx] = logits[0, -1]  # expect: VL001
    scored.sort(reverse=True)
    return scored, next_token_dists


def scenario():
    torch.manual_seed(0)
    lm = CausalLM()
    prompt = torch.randint(0, 6000, (40,)).tolist()
    candidates = [torch.randint(0, 6000, (int(n),)).tolist() for n in torch.randint(8, 24, (24,))]
    ranking, dists = rerank(lm, prompt, candidates)
    return ranking, dists
