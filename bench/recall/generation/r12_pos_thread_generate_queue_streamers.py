"""Batched generation run in a background `threading.Thread`, feeding one streamer per request, in
the shape of Hugging Face's `TextIteratorStreamer` and the queue-backed streamers of chat servers
built on it: `put()` hands each value to a `queue.Queue`, `end()` puts a stop signal, and the
streamer is an iterator (`__iter__`/`__next__` reading the queue until the signal).  Here the
streamers carry scores instead of text: each step's last-position logits are split into one row per
request with `unbind(0)` and `zip`ped with the streamers.  The caller starts the generation thread,
then drains each request's stream with `list(...)` to compute per-token statistics afterwards.
Every queued row is a view of that step's whole (batch, time, vocab) logits."""
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


class ScoreIteratorStreamer:
    def __init__(self, timeout=None):
        self.score_queue = Queue()
        self.stop_signal = None
        self.timeout = timeout

    def put(self, value):
        self.score_queue.put(value, timeout=self.timeout)  # expect: VL002

    def end(self):
        self.score_queue.put(self.stop_signal, timeout=self.timeout)

    def __iter__(self):
        return self

    def __next__(self):
        value = self.score_queue.get(timeout=self.timeout)
        if value is self.stop_signal:
            raise StopIteration()
        return value


@torch.no_grad()
def generate(model, input_ids, streamers, max_new_tokens=24):
    ids = input_ids
    for _ in range(max_new_tokens):
        logits = model(ids)
        last = logits[:, -1, :]
        next_tokens = last.argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_tokens], dim=1)
        for streamer, row in zip(streamers, last.unbind(0)):
            streamer.put(row)
    for streamer in streamers:
        streamer.end()
    return ids


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 3000, (4, 40))
    streamers = [ScoreIteratorStreamer() for _ in range(prompt.shape[0])]
    worker = Thread(target=generate, kwargs=dict(model=model, input_ids=prompt, streamers=streamers))
    worker.start()
    per_request = [list(streamer) for streamer in streamers]
    worker.join()
    return per_request
