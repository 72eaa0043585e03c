"""Query embeddings memoised with `functools.lru_cache`, in the shape of the retrieval back ends
that wrap their `embed_query(text)` in an unbounded cache so repeated questions are not encoded
again.  The encoder pads each query to the model's fixed context and returns the hidden states of
the whole window; `embed_query` hands back the CLS row, `hidden[0, 0]`, a view of that
(1, context, dim) tensor.  The cache keeps every value it returns, and so does the caller's table:
every distinct query pins a whole window of hidden states."""
import functools

import torch
import torch.nn as nn

CONTEXT = 256
VOCAB = 5000


class QueryEncoder(nn.Module):
    def __init__(self, dim=384):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, dim)
        self.pos = nn.Parameter(torch.randn(CONTEXT, dim) * 0.02)
        self.mix = nn.Linear(dim, dim)

    def forward(self, ids):
        x = self.tok(ids) + self.pos
        return x + torch.tanh(self.mix(x.cumsum(dim=1)))


ENCODER = QueryEncoder().eval()


def tokenize(text):
    ids = [hash(w) % (VOCAB - 2) + 2 for w in text.lower().split()][: CONTEXT - 1]
    ids = [1] + ids + [0] * (CONTEXT - 1 - len(ids))
    return torch.tensor([ids])


@functools.lru_cache(maxsize=None)
@torch.no_grad()
def embed_query(text):
    hidden = ENCODER(tokenize(text))
    return hidden[0, 0]


def answer_log(questions):
    table = {}
    for q in questions:
        table[q] = embed_query(q)  # expect: VL002
    return table


def scenario():
    torch.manual_seed(0)
    embed_query.cache_clear()
    questions = [f"how do I reset the password for account {i} on device {i % 7}" for i in range(160)]
    return answer_log(questions)
