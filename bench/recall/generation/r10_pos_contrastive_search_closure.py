"""Contrastive search (SimCTG-style decoding) written with a nested step function: `generate()` keeps
the context's hidden states in a list of the enclosing scope, and the inner `step()` closure scores
the top-k candidates against them (the degeneration penalty: the largest cosine similarity between a
candidate's hidden state and any earlier one) and appends the chosen position's hidden state.  The
model stand-in has no KV cache: it returns (logits, hidden) for the whole prefix each call, and the
appended `hidden[:, -1:, :]` is a view of that step's whole (batch, time, dim) hidden states.
Written after research implementations of contrastive search (a `ranking(context_hidden,
next_hidden, ...)` helper, `torch.cat` of the kept states before every scoring)."""
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
    context_hidden = []

    def step(ids):
        logits, hidden = model(ids)
        probs = F.softmax(logits[:, -1, :], dim=-1)
        top_p, top_ids = probs.topk(top_k, dim=-1)
        if context_hidden:
            ctx = F.normalize(torch.cat(context_hidden, dim=1), dim=-1)
            cand = F.normalize(model.embed(top_ids), dim=-1)
            penalty = torch.einsum("bkd,btd->bkt", cand, ctx).amax(dim=-1)
        else:
            penalty = torch.zeros_like(top_p)
        score = (1 - alpha) * top_p - alpha * penalty
        choice = top_ids.gather(1, score.argmax(dim=-1, keepdim=True))
        context_hidden.append(hidden[:, -1:, :])  # expect: VL002
        return choice

    for _ in range(steps):
        ids = torch.cat([ids, step(ids)], dim=1)
    return ids, context_hidden


def scenario():
    torch.manual_seed(0)
    model = TinyDecoder().eval()
    prompt = torch.randint(0, 2000, (4, 64))
    _, kept = generate(model, prompt, steps=40)
    return kept
