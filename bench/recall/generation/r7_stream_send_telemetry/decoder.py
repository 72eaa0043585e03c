"""A streaming decoder written as a generator: it yields each new token and receives through `send()`
whether the client wants it to stop (a stop button, a stop string seen on the client side).  There is
no KV cache: the whole prefix is re-encoded at every step, and the last position's hidden state (a
view of the step's (batch, time, dim) states) is reported to the telemetry module."""
import torch
import torch.nn as nn

import telemetry


class TinyGRULM(nn.Module):
    def __init__(self, vocab: int = 3000, dim: int = 512):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        hidden, _ = self.rnn(self.embed(ids))
        return self.head(hidden[:, -1]), hidden                          # (batch, vocab), (batch, time, dim)


@torch.no_grad()
def stream_decode(model, prompt, request_id, max_new_tokens=64):
    ids = prompt
    for step in range(max_new_tokens):
        logits, hidden = model(ids)
        next_id = logits.argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
        telemetry.record_step(request_id, step, hidden[:, -1])
        stop = yield next_id
        if stop:
            return
