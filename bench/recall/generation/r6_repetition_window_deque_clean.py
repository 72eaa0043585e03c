"""Sampling with a repetition guard, as in small chatbot demos: the model is re-run on the whole prefix
at each step (no cache), and the next-token distributions of the last few steps are kept in a
`deque(maxlen=...)` to detect a loop (the same argmax over and over).  The kept rows are views of each
step's full logits, but the deque holds only the last four, so at most four steps' logits are pinned."""
from collections import deque

import torch
import torch.nn as nn


class PrefixLM(nn.Module):
    def __init__(self, vocab: int = 4096, dim: int = 64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Conv1d(dim, dim, kernel_size=3, padding=2)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        x = self.embed(ids).transpose(1, 2)
        x = torch.relu(self.mix(x))[..., : ids.size(1)].transpose(1, 2)
        return self.head(x)


class RepetitionGuard:
    def __init__(self, window: int = 4):
        self.recent = deque(maxlen=window)

    def push(self, dist: torch.Tensor) -> bool:
        self.recent.append(dist)
        if len(self.recent) < self.recent.maxlen:
            return False
        tops = {int(d.argmax()) for d in self.recent}
        return len(tops) == 1


@torch.no_grad()
def sample(model, prompt, max_new_tokens=48, temperature=0.8, seed=0):
    gen = torch.Generator().manual_seed(seed)
    ids = prompt
    guard = RepetitionGuard()
    i = 0
    while i < max_new_tokens:
        logits = model(ids)
        step = logits[0, -1] / temperature
        probs = torch.softmax(step, dim=-1)
        if guard.push(logits[0, -1]):
            break
        nxt = torch.multinomial(probs, 1, generator=gen)
        ids = torch.cat([ids, nxt[None]], dim=1)
        i += 1
    return ids, guard


def scenario():
    torch.manual_seed(3)
    model = PrefixLM().eval()
    ids, guard = sample(model, torch.randint(0, 4096, (1, 16)))
    return ids, list(guard.recent)
