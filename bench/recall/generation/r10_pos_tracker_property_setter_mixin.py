"""Top-k sampling with a tracking mixin: `TrackingMixin` gives a generator class a `last_scores`
property whose setter records every value it is given in `self._history` (the "current value plus
history" trackers of logit-debugging tools), and `TopKSampler(TrackingMixin, BaseSampler)` sets
`self.last_scores = logits[:, -1, :]` once per step.  The assignment reads like a plain attribute
overwritten each step, but the setter appends: each kept (batch, vocab) row is a view of that step's
whole (batch, time, vocab) logits, recomputed by a model stand-in without a KV cache.  Written after
logit trackers of constrained-generation and watermarking code."""
import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=4000, dim=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab, bias=False)

    def forward(self, ids):
        return self.head(torch.cumsum(self.embed(ids), dim=1))


class TrackingMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._history = []
        self._current = None

    @property
    def last_scores(self):
        return self._current

    @last_scores.setter
    def last_scores(self, value):
        self._current = value
        self._history.append(value)  # expect: VL002

    def history(self):
        return list(self._history)


class BaseSampler:
    def __init__(self, model, top_k=20, temperature=0.8):
        self.model = model
        self.top_k = top_k
        self.temperature = temperature

    def pick(self, scores):
        values, indices = scores.topk(self.top_k, dim=-1)
        probs = torch.softmax(values / self.temperature, dim=-1)
        return indices.gather(1, torch.multinomial(probs, 1))


class TopKSampler(TrackingMixin, BaseSampler):
    @torch.no_grad()
    def generate(self, prompt, max_new_tokens):
        ids = prompt
        for _ in range(max_new_tokens):
            logits = self.model(ids)
            self.last_scores = logits[:, -1, :]
            ids = torch.cat([ids, self.pick(self.last_scores)], dim=1)
        return ids


def scenario():
    torch.manual_seed(0)
    sampler = TopKSampler(TinyLM().eval(), top_k=20)
    sampler.generate(torch.randint(0, 4000, (2, 48)), max_new_tokens=30)
    return sampler.history()
