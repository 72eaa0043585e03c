"""Contrastive search (SimCTG-style decoding) with a nested step function, keeping the context's
hidden states the way the reference implementations do: one growing tensor, rebound from the closure
with `nonlocal` to `torch.cat([context, hidden[:, -1:, :]], dim=1)` after each step, so every step's
(batch, time, dim) hidden states are dropped once the chosen position's row has been copied out.
The per-step penalties (one small tensor a step) are kept for a plot.  Written after research
implementations of contrastive search (a `ranking(context_hidden, next_hidden, ...)` helper)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyDecoder(nn.Module):
    def __init__(self, vocab=2000, dim=512):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab, bias=False)

    def forward(self, ids):
        h = torch.tanh(self.mix(torch.cumsum(self.embed(ids), dim=1)))
        return self.head(h), h


@torch.no_grad()
def generate(model, prompt, steps, top_k=4, alpha=0.6):
    ids = prompt
    context = None
    penalties = []

    def step(ids):
        nonlocal context
        logits, hidden = model(ids)
        probs = F.softmax(logits[:, -1, :], dim=-1)
        top_p, top_ids = probs.topk(top_k, dim=-1)
        if context is not None:
            ctx = F.normalize(context, dim=-1)
            cand = F.normalize(model.embed(top_ids), dim=-1)
            penalty = torch.einsum("bkd,btd->bkt", cand, ctx).amax(dim=-1)
        else:
            penalty = torch.zeros_like(top_p)
        score = (1 - alpha) * top_p - alpha * penalty
        choice = top_ids.gather(1, score.argmax(dim=-1, keepdim=True))
        last = hidden[:, -1:, :]
        context = last.clone() if context is None else torch.cat([context, last], dim=1)
        penalties.append(penalty.max(dim=-1).values)
        return choice

    for _ in range(steps):
        ids = torch.cat([ids, step(ids)], dim=1)
    return ids, context, penalties


def scenario():
    torch.manual_seed(0)
    model = TinyDecoder().eval()
    prompt = torch.randint(0, 2000, (4, 64))
    _, context, penalties = generate(model, prompt, steps=40)
    return context, penalties
