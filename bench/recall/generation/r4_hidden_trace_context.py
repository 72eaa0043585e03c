"""A logit-lens style probe around speculative decoding: a draft loop is a generator (`yield from`
per verification round), and a context manager collects the last position's hidden state of every
drafted step.  `.detach().cpu()` looks like a copy, but on a CPU tensor both return the same
storage, so each kept row holds the step's whole hidden-state tensor."""
import torch
import torch.nn as nn


class DraftModel(nn.Module):
    def __init__(self, vocab=1000, d=768):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.block = nn.Linear(d, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        hidden = torch.tanh(self.block(self.emb(ids)))
        return hidden, self.head(hidden[:, -1:])


class HiddenStateTrace:
    def __init__(self, layer_name="final"):
        self.layer_name = layer_name
        self.states = []
        self.active = False

    def __enter__(self):
        self.active = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self.active = False
        return False

    def record(self, hidden):
        if self.active:
            self.states.append(hidden[:, -1].detach().cpu())  # expect: VL002

    def stacked(self):
        return torch.stack(self.states, dim=1)


def _draft(model, ids, k):
    for _ in range(k):
        hidden, logits = model(ids)
        yield hidden, logits
        ids = torch.cat([ids, logits[:, -1].argmax(-1, keepdim=True)], dim=1)


def speculative_steps(model, prompt, rounds, k):
    ids = prompt
    for _ in range(rounds):
        drafted = []
        for hidden, logits in _draft(model, ids, k):
            drafted.append(logits[:, -1].argmax(-1, keepdim=True))
            yield hidden, logits
        accepted = torch.cat(drafted[: max(1, k // 2)], dim=1)
        ids = torch.cat([ids, accepted], dim=1)


@torch.no_grad()
def generate_with_trace(model, prompt, rounds=6, k=4):
    with HiddenStateTrace() as trace:
        for hidden, _ in speculative_steps(model, prompt, rounds, k):
            trace.record(hidden)
    return trace


def scenario():
    torch.manual_seed(11)
    model = DraftModel().eval()
    prompt = torch.randint(0, 1000, (4, 32))
    trace = generate_with_trace(model, prompt)
    return trace
