"""Beam search over a cacheless decoder, in the shape of the ESPnet-style searches that keep each
hypothesis as a `@dataclass` (`yseq`, `score`, per-step scores in `field(default_factory=list)`)
and choose the next beams with one `torch.topk` over the flattened (beam x vocab) candidates.  Each
hypothesis records the log-probability of every token it took; these come from
`log_probs[b].gather(-1, tok)`, which copies the one value out of the step's (beam, vocab) scores,
so nothing of the step's logits outlives it."""
from dataclasses import dataclass, field

import torch
import torch.nn as nn


@dataclass
class Hypothesis:
    yseq: list = field(default_factory=list)
    score: float = 0.0
    token_logprobs: list = field(default_factory=list)

    def extend(self, token, logprob):
        return Hypothesis(yseq=self.yseq + [token], score=self.score + float(logprob),
                          token_logprobs=self.token_logprobs + [logprob])


class Decoder(nn.Module):
    def __init__(self, vocab=12000, dim=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, vocab)

    def forward(self, ys):
        h, _ = self.rnn(self.embed(ys))
        return self.out(h)


@torch.no_grad()
def beam_search(model, prompt, beam_size=4, max_len=40, eos_id=1):
    running = [Hypothesis(yseq=list(prompt))]
    finished = []
    vocab = model.out.out_features
    for _ in range(max_len):
        ys = torch.tensor([h.yseq for h in running])
        logits = model(ys)
        log_probs = logits[:, -1].log_softmax(dim=-1)
        totals = torch.tensor([h.score for h in running]).unsqueeze(1) + log_probs
        top = torch.topk(totals.view(-1), beam_size)
        beam_ids = torch.div(top.indices, vocab, rounding_mode="floor")
        tokens = top.indices % vocab
        next_running = []
        for b, tok in zip(beam_ids.tolist(), tokens):
            hyp = running[b].extend(int(tok), log_probs[b].gather(-1, tok.view(1)))
            if int(tok) == eos_id:
                finished.append(hyp)
            else:
                next_running.append(hyp)
        running = next_running
        if not running:
            break
    finished.extend(running)
    return sorted(finished, key=lambda h: h.score / len(h.yseq), reverse=True)


def scenario():
    torch.manual_seed(5)
    model = Decoder().eval()
    results = []
    for _ in range(6):
        prompt = torch.randint(2, 12000, (24,)).tolist()
        results.append(beam_search(model, prompt))
    return results
