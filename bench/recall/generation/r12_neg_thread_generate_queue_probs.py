"""Batched generation run in a background `threading.Thread`, feeding one queue-backed streamer per
request (the `TextIteratorStreamer` shape of chat servers: `put()` onto a `queue.Queue`, `end()` puts
a stop signal, the streamer iterates the queue).  Each step's next-token distribution,
`torch.softmax(logits[:, -1, :], dim=-1)`, is a new (batch, vocab) tensor; it is split into one row
per request with `unbind(0)` and every row goes to its request's streamer.  All the rows of each
step's probabilities are kept, so nothing beyond what is shown stays alive."""
from queue import Queue
from threading import Thread

import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, dim=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = torch.tanh(self.mix(self.embed(ids).cumsum(dim=1)))
        return self.head(h)


class ProbIteratorStreamer:
    def __init__(self, timeout=None):
        self.prob_queue = Queue()
        self.stop_signal = None
        self.timeout = timeout

    def put(self, value):
        self.prob_queue.put(value, timeout=self.timeout)

    def end(self):
        self.prob_queue.put(self.stop_signal, timeout=self.timeout)

    def __iter__(self):
        return self

    def __next__(self):
        value = self.prob_queue.get(timeout=self.timeout)
        if value is self.stop_signal:
            raise StopIteration()
        return value


@torch.no_grad()
def sample(model, input_ids, streamers, max_new_tokens=24):
    ids = input_ids
    for _ in range(max_new_tokens):
        logits = model(ids)
        probs = torch.softmax(logits[:, -1, :], dim=-1)
        next_tokens = torch.multinomial(probs, num_samples=1)
        ids = torch.cat([ids, next_tokens], dim=1)
        for streamer, row in zip(streamers, probs.unbind(0)):
            streamer.put(row)
    for streamer in streamers:
        streamer.end()
    return ids


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 3000, (4, 40))
    streamers = [ProbIteratorStreamer() for _ in range(prompt.shape[0])]
    worker = Thread(target=sample, kwargs=dict(model=model, input_ids=prompt, streamers=streamers))
    worker.start()
    per_request = [list(streamer) for streamer in streamers]
    worker.join()
    return per_request
