"""Streaming top-p (nucleus) sampling, in the shape of the chat demos that wrap a small causal LM in a
token streamer: the inner generator sorts each step's logits (`torch.sort(..., descending=True)`),
cuts the nucleus with `sorted_logits.softmax(-1).cumsum(-1)`, scatters the removal mask back to
vocabulary order (`remove.scatter(1, sorted_idx, remove)`) and samples; an outer generator re-yields
the steps with `yield from`, and the caller reads them with `itertools.takewhile` until the end token.
For the UI's "other candidates" popup each event carries the top few sorted logits of its step."""
import itertools

import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=32000, dim=48):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, vocab)

    def forward(self, ids):
        return self.proj(torch.tanh(self.embed(ids).mean(dim=1)))


class NucleusStreamer:
    def __init__(self, model, top_p=0.9, n_alternatives=5, eos_id=0):
        self.model = model
        self.top_p = top_p
        self.n_alternatives = n_alternatives
        self.eos_id = eos_id

    def _steps(self, ids, max_new_tokens):
        for _ in range(max_new_tokens):
            logits = self.model(ids)
            sorted_logits, sorted_idx = torch.sort(logits, dim=-1, descending=True)
            cumprobs = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
            remove = cumprobs > self.top_p
            remove[:, 1:] = remove[:, :-1].clone()
            remove[:, 0] = False
            remove = remove.scatter(1, sorted_idx, remove)
            probs = logits.masked_fill(remove, float("-inf")).softmax(dim=-1)
            token = torch.multinomial(probs, 1)
            ids = torch.cat([ids, token], dim=1)
            yield int(token[0, 0]), sorted_logits[:, : self.n_alternatives]

    def stream(self, ids, max_new_tokens=64):
        with torch.no_grad():
            yield from self._steps(ids, max_new_tokens)


def scenario():
    torch.manual_seed(0)
    streamer = NucleusStreamer(TinyLM().eval(), eos_id=-1)
    prompt = torch.randint(1, 32000, (4, 12))
    events = []
    for token, alternatives in itertools.takewhile(lambda ev: ev[0] != streamer.eos_id,
                                                    streamer.stream(prompt, 64)):
        events.append({"token": token, "alternatives": alternatives})  # expect: VL002
    return events
