"""Greedy generation with an attention tracer attached, as in attention-visualisation demos:
the model is re-run on the whole prefix each step (no cache)."""
import torch

from model import TinyDecoder
from tracing import AttentionTracer


@torch.no_grad()
def generate(model, ids, steps, tracer=None):
    for step in range(steps):
        logits, att = model(ids)
        nxt = logits[0, -1].argmax()
        if tracer is not None:
            tracer.record(step, int(nxt), att[0, :, -1])
        ids = torch.cat([ids, nxt.view(1, 1)], dim=1)
    return ids


def scenario():
    torch.manual_seed(3)
    model = TinyDecoder().eval()
    tracer = AttentionTracer()
    generate(model, torch.randint(0, 800, (1, 16)), steps=110, tracer=tracer)
    return tracer


if __name__ == "__main__":
    print(len(scenario().steps))
