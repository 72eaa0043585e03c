"""Greedy decoding with n-gram blocking and an early stop, consuming a step generator through
`itertools.islice`; per-beam diagnostics go into a `defaultdict(list)`.  The kept rows are cloned
and the top-k candidates are new tensors, so nothing pins a step's full logits."""
import itertools
from collections import defaultdict

import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.mix = nn.Linear(d, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(torch.tanh(self.mix(self.emb(ids))).cumsum(dim=1))


def banned_tokens(seq, n):
    if len(seq) < n:
        return []
    prefix = tuple(seq[-(n - 1):])
    return [seq[i + n - 1] for i in range(len(seq) - n + 1) if tuple(seq[i:i + n - 1]) == prefix]


def decode_steps(model, ids, no_repeat_ngram=3):
    while True:
        logits = model(ids)
        step = logits[:, -1, :]
        for b in range(ids.shape[0]):
            for tok in banned_tokens(ids[b].tolist(), no_repeat_ngram):
                step[b, tok] = float("-inf")
        nxt = step.argmax(dim=-1, keepdim=True)
        yield step, nxt
        ids = torch.cat([ids, nxt], dim=1)


@torch.no_grad()
def generate(model, prompt, max_new_tokens=24, eos_token_id=2):
    diagnostics = defaultdict(list)
    tokens = []
    for step, nxt in itertools.islice(decode_steps(model, prompt), max_new_tokens):
        for b in range(step.shape[0]):
            diagnostics[b].append(step[b].clone())
            values, indices = step[b].topk(5)
            diagnostics[("top5", b)].append((values, indices))
        tokens.append(nxt)
        if bool((nxt == eos_token_id).all()):
            break
    return torch.cat(tokens, dim=1), diagnostics


def scenario():
    torch.manual_seed(5)
    model = TinyLM().eval()
    prompt = torch.randint(3, 3000, (2, 40))
    return generate(model, prompt)
