"""A chat server's streaming generator: each step yields a `TokenEvent` with the token, its
log-probability and the top alternatives (new small tensors).  The consumer keeps every event for
the transcript, and only the last few raw logit rows in a bounded window for a repetition check."""
from collections import deque
from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass
class TokenEvent:
    index: int
    token: int
    logprob: float
    alternatives: torch.Tensor
    alt_logprobs: torch.Tensor


class TinyLM(nn.Module):
    def __init__(self, vocab=2000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.mix = nn.Linear(d, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        h = torch.tanh(self.mix(self.emb(ids))).cumsum(dim=1)
        return self.head(h)


def stream(model, prompt, max_new_tokens=40, n_alternatives=5):
    ids = prompt
    with torch.no_grad():
        for i in range(max_new_tokens):
            logits = model(ids)
            row = logits[0, -1]
            logprobs = torch.log_softmax(row, dim=-1)
            alt_lp, alt_ids = logprobs.topk(n_alternatives)
            token = int(alt_ids[0])
            yield TokenEvent(i, token, float(alt_lp[0]), alt_ids, alt_lp), row
            ids = torch.cat([ids, torch.tensor([[token]])], dim=1)


class RepetitionWatch:
    def __init__(self, window=4):
        self.recent = deque(maxlen=window)

    def push(self, row):
        self.recent.append(row)

    def looping(self):
        if len(self.recent) < 2:
            return False
        return bool(torch.allclose(self.recent[-1], self.recent[-2]))


def scenario():
    torch.manual_seed(8)
    model = TinyLM().eval()
    watch = RepetitionWatch()
    transcript = []
    for event, row in stream(model, torch.randint(0, 2000, (1, 32))):
        transcript.append(event)
        watch.push(row)
        if watch.looping():
            break
    return transcript, list(watch.recent)


if __name__ == "__main__":
    t, w = scenario()
    print(len(t), len(w))
