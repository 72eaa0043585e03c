"""Sentence embeddings from a BERT-style encoder whose forward returns a `typing.NamedTuple`, with a
`pooler_output`-like `@property` that picks the CLS position (`last_hidden_state[:, 0]`).  The extractor
walks the batches, pairs ids and vectors with `enumerate(zip(...))` and files each vector under its
id.  The property returns a view, so every stored row holds its batch's whole hidden-state tensor."""
from typing import Dict, Iterator, List, NamedTuple, Tuple

import torch
import torch.nn as nn


class EncoderOutput(NamedTuple):
    last_hidden_state: torch.Tensor
    attention_mask: torch.Tensor

    @property
    def cls_embedding(self) -> torch.Tensor:
        return self.last_hidden_state[:, 0]


class MiniBert(nn.Module):
    def __init__(self, vocab=8000, hidden=384, layers=2):
        super().__init__()
        self.embeddings = nn.Embedding(vocab, hidden)
        self.layers = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(layers))
        self.norm = nn.LayerNorm(hidden)

    def forward(self, input_ids, attention_mask) -> EncoderOutput:
        x = self.embeddings(input_ids)
        for layer in self.layers:
            x = x + torch.relu(layer(x))
        x = self.norm(x) * attention_mask.unsqueeze(-1)
        return EncoderOutput(x, attention_mask)


def batches(corpus: List[Tuple[str, List[int]]], batch_size: int, max_len: int) -> Iterator:
    for start in range(0, len(corpus), batch_size):
        chunk = corpus[start:start + batch_size]
        ids = torch.zeros(len(chunk), max_len, dtype=torch.long)
        mask = torch.zeros(len(chunk), max_len)
        for row, (_, toks) in enumerate(chunk):
            toks = toks[:max_len]
            ids[row, : len(toks)] = torch.tensor(toks)
            mask[row, : len(toks)] = 1.0
        yield [doc_id for doc_id, _ in chunk], ids, mask


@torch.no_grad()
def extract(model: MiniBert, corpus, batch_size=16, max_len=256) -> Dict[str, torch.Tensor]:
    model.eval()
    vectors: Dict[str, torch.Tensor] = {}
    for doc_ids, ids, mask in batches(corpus, batch_size, max_len):
        out = model(ids, mask)
        for i, (doc_id, vec) in enumerate(zip(doc_ids, out.cls_embedding)):
            vectors[doc_id] = vec  # expect: VL002
    return vectors


def scenario():
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(2)
    corpus = [(f"doc{i}", torch.randint(1, 8000, (200,), generator=g).tolist()) for i in range(96)]
    return extract(MiniBert(), corpus)
