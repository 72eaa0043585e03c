"""Beam search that keeps finished hypotheses on a heap, together with the decoder state
of their last position, so a reranker can score them afterwards."""
import heapq
import itertools

import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, vocab=1500, d=256):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.mix = nn.Linear(d, d)
        self.out = nn.Linear(d, vocab)

    def forward(self, ids):
        x = self.emb(ids)
        states = torch.tanh(self.mix(x.cumsum(dim=1) / ids.size(1)))   # (beams, t, d)
        return states, self.out(states[:, -1])


@torch.no_grad()
def beam_search(decoder, bos, beam_size=8, max_len=80, eos=2, n_best=100):
    tie = itertools.count()
    finished = []
    beams = torch.full((1, 1), bos, dtype=torch.long)
    scores = torch.zeros(1)
    for step in range(max_len):
        states, logits = decoder(beams)
        logp = torch.log_softmax(logits, dim=-1) + scores[:, None]
        top, flat = logp.view(-1).topk(beam_size)
        rows, toks = flat // logp.size(1), flat % logp.size(1)
        beams = torch.cat([beams[rows], toks[:, None]], dim=1)
        scores = top
        for b in range(beam_size):
            if toks[b].item() == eos or (b < 2):
                heapq.heappush(finished, (scores[b].item(), next(tie), beams[b].tolist(), states[rows[b], -1]))  # expect: VL002
                if len(finished) > n_best:
                    heapq.heappop(finished)
        scores = scores.masked_fill(toks == eos, float("-inf"))
    return sorted(finished, reverse=True)


def scenario():
    torch.manual_seed(4)
    dec = Decoder().eval()
    return beam_search(dec, bos=1)


if __name__ == "__main__":
    print(len(scenario()))
