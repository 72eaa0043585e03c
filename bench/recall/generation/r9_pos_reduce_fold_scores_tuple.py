"""Greedy decoding written as a fold, as JAX `lax.scan`-style decoders look when ported to plain
Python: `functools.reduce(step, range(max_new_tokens), (ids, ()))` threads a carry of the token ids
and a tuple of per-step scores, and each step returns `(ids, scores + (logits[:, -1, :],))` the way
Hugging Face's `generate(output_scores=True)` collects `scores`.  Each kept score is a view of that
step's whole (batch, time, vocab) logits.  Written after fold-style decode loops and HF-style score
tuples; the model is a small stand-in that recomputes the logits of the whole prefix each call."""
import functools

import torch


class TinyLM(torch.nn.Module):
    def __init__(self, vocab=8000, dim=64):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab, dim)
        self.head = torch.nn.Linear(dim, vocab, bias=False)

    def forward(self, input_ids):
        h = torch.cumsum(self.embed(input_ids), dim=1)
        return self.head(h)


def make_step(model):
    def step(carry, _):
        ids, scores = carry
        logits = model(ids)
        next_ids = logits[:, -1, :].argmax(dim=-1, keepdim=True)
        return torch.cat([ids, next_ids], dim=1), scores + (logits[:, -1, :],)  # expect: VL002

    return step


@torch.no_grad()
def generate(model, input_ids, max_new_tokens):
    return functools.reduce(make_step(model), range(max_new_tokens), (input_ids, ()))


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    ids, scores = generate(model, torch.randint(0, 8000, (2, 32)), max_new_tokens=30)
    return ids, scores
