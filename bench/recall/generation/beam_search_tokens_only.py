"""Beam search that keeps, for every finished hypothesis, its tokens as a Python list and
its score as a float (what gets written to the output file)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self, vocab=8000, dim=32):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, seqs):
        return self.out(self.emb(seqs).mean(dim=1))


@torch.no_grad()
def beam_search(model, bos, eos, beam_size=12, max_len=60):
    seqs = torch.full((beam_size, 1), bos, dtype=torch.long)
    beam_scores = torch.zeros(beam_size)
    beam_scores[1:] = -1e9
    finished = []
    best_dists = []
    for step in range(max_len):
        log_probs = F.log_softmax(model(seqs), dim=-1)
        vocab = log_probs.size(-1)
        top_scores, top_idx = (beam_scores[:, None] + log_probs).view(-1).topk(beam_size)
        beam_idx = top_idx // vocab
        tok_idx = top_idx % vocab
        best_dists.append(log_probs[int(beam_idx[0])].clone())
        seqs = torch.cat([seqs[beam_idx], tok_idx[:, None]], dim=1)
        beam_scores = top_scores
        for b in range(beam_size):
            if int(tok_idx[b]) % 97 == eos:
                finished.append((seqs[b].tolist(), beam_scores[b].item()))
    return finished, best_dists


def scenario():
    torch.manual_seed(9)
    return beam_search(Decoder().eval(), bos=1, eos=0)


if __name__ == "__main__":
    f, d = scenario()
    print(len(f), len(d))
