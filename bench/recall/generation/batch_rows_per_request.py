"""Batched serving loop: several requests decode together; the requests that asked for
logprobs get their per-step log-probability row kept, keyed by request id."""
import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(torch.tanh(self.emb(ids).cumsum(1)))


class Request:
    def __init__(self, rid, prompt, logprobs=False):
        self.rid = rid
        self.prompt = prompt
        self.logprobs = logprobs


@torch.no_grad()
def serve(model, requests, steps=40):
    ids = torch.stack([r.prompt for r in requests])
    logprob_rows = {}
    for _ in range(steps):
        logits = model(ids)
        last = torch.log_softmax(logits[:, -1, :], dim=-1)
        for b, req in enumerate(requests):
            if req.logprobs:
                logprob_rows.setdefault(req.rid, []).append(last[b])  # expect: VL002
        ids = torch.cat([ids, last.argmax(-1, keepdim=True)], dim=1)
    return logprob_rows


def scenario():
    torch.manual_seed(13)
    g = torch.Generator().manual_seed(13)
    reqs = [Request(f"req-{i}", torch.randint(0, 3000, (10,), generator=g), logprobs=i % 12 == 0)
            for i in range(24)]
    return serve(TinyLM().eval(), reqs)


if __name__ == "__main__":
    print(len(scenario()))
