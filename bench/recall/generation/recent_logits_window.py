"""Repetition-aware greedy decoding: only the last few steps' logits are kept (a bounded
deque) to detect a loop; older ones are dropped."""
from collections import deque

import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=2000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(torch.tanh(self.emb(ids).cumsum(1)))


@torch.no_grad()
def decode(model, ids, steps=64, window=3):
    recent = deque(maxlen=window)
    for _ in range(steps):
        logits = model(ids)
        recent.append(logits[:, -1, :])
        if len(recent) == window and all(torch.equal(recent[0].argmax(-1), r.argmax(-1)) for r in recent):
            pass
        ids = torch.cat([ids, logits[:, -1, :].argmax(-1, keepdim=True)], dim=1)
    return ids, recent


def scenario():
    torch.manual_seed(10)
    return decode(TinyLM().eval(), torch.randint(0, 2000, (2, 8)))


if __name__ == "__main__":
    print(scenario()[0].shape)
