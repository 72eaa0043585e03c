"""Beam search over a small decoder.  For the diagnostics plot, the distribution of the
best beam at every step is kept (the full next-token log-probabilities of that beam)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self, vocab=8000, dim=32):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, seqs):
        return self.out(self.emb(seqs).mean(dim=1))       # (beams, vocab)


@torch.no_grad()
def beam_search(model, bos, beam_size=12, max_len=60):
    seqs = torch.full((beam_size, 1), bos, dtype=torch.long)
    beam_scores = torch.zeros(beam_size)
    beam_scores[1:] = -1e9
    best_beam_dists = []
    for step in range(max_len):
        log_probs = F.log_softmax(model(seqs), dim=-1)    # (beams, vocab)
        vocab = log_probs.size(-1)
        cand = (beam_scores[:, None] + log_probs).view(-1)
        top_scores, top_idx = cand.topk(beam_size)
        beam_idx = torch.div(top_idx, vocab, rounding_mode="floor")
        tok_idx = top_idx % vocab
        best = int(beam_idx[0])
        best_beam_dists.append(log_probs[best])  # expect: VL002
        seqs = torch.cat([seqs[beam_idx], tok_idx[:, None]], dim=1)
        beam_scores = top_scores
    return seqs[0].tolist(), best_beam_dists


def scenario():
    torch.manual_seed(3)
    model = Decoder().eval()
    _, dists = beam_search(model, bos=1)
    return dists


if __name__ == "__main__":
    print(len(scenario()))
