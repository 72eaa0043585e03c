"""Sentence embeddings from a decoder-only model with last-token pooling, in the shape of the
E5-Mistral/SFR-style embedding scripts: `last_token_pool` returns `hidden[:, -1]` when the batch is
left-padded (the tokenizer's `padding_side="left"`) and gathers `hidden[arange(B), lengths - 1]`
otherwise; the encoder looks tokens up with `F.embedding` and runs under `@torch.no_grad()`.  The
vectors go into a project `EmbeddingStore`, a `collections.abc.MutableMapping` keyed by document id."""
from collections.abc import MutableMapping

import torch
import torch.nn as nn
import torch.nn.functional as F


class EmbeddingStore(MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


class TinyDecoderEncoder(nn.Module):
    def __init__(self, vocab=8000, dim=256):
        super().__init__()
        self.tok_weight = nn.Parameter(torch.randn(vocab, dim) * 0.02)
        self.mix = nn.Linear(dim, dim)

    def forward(self, input_ids):
        return torch.tanh(self.mix(F.embedding(input_ids, self.tok_weight)))


def last_token_pool(hidden, attention_mask):
    left_padding = bool(attention_mask[:, -1].sum() == attention_mask.shape[0])
    if left_padding:
        return hidden[:, -1]
    lengths = attention_mask.sum(dim=1) - 1
    return hidden[torch.arange(hidden.shape[0]), lengths]


@torch.no_grad()
def encode(model, input_ids, attention_mask):
    hidden = model(input_ids)
    return F.normalize(hidden, dim=-1), attention_mask


def left_padded_batches(n_batches, batch, seq_len, seed=0):
    g = torch.Generator().manual_seed(seed)
    for b in range(n_batches):
        ids = torch.randint(1, 8000, (batch, seq_len), generator=g)
        mask = torch.ones(batch, seq_len, dtype=torch.long)
        mask[:, : seq_len // 4] = 0
        yield [f"doc-{b}-{i}" for i in range(batch)], ids, mask


def scenario():
    torch.manual_seed(0)
    model = TinyDecoderEncoder().eval()
    store = EmbeddingStore()
    for doc_ids, ids, mask in left_padded_batches(20, 16, 256):
        hidden, mask = encode(model, ids, mask)
        pooled = last_token_pool(hidden, mask)
        for i, doc_id in enumerate(doc_ids):
            store[doc_id] = pooled[i]  # expect: VL002
    return store
