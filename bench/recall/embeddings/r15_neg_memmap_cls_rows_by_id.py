"""Writing CLS embeddings of a large corpus to an `np.memmap` file, in the shape of the dense-retrieval
indexing scripts (DPR / ColBERT-style `encode_corpus`) that preallocate `np.memmap(path, mode="w+",
shape=(n_docs, dim))` and fill it batch by batch: each batch's CLS rows are copied into the file with
`out[start:end] = cls`, and the id table maps each document to its row of the memmap, `out[row]`.
The rows the table keeps are views of the one memmap, made once before the loop, never of the
batch's hidden states."""
import os
import tempfile

import numpy as np
import torch
import torch.nn as nn


class TinyEncoder(nn.Module):
    def __init__(self, vocab=8000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, input_ids):
        x = self.embed(input_ids)
        return x + torch.tanh(self.proj(x))


@torch.no_grad()
def encode_corpus(encoder, n_docs=768, batch_size=32, seq_len=128, dim=256, path=None):
    path = path or os.path.join(tempfile.mkdtemp(), "corpus_cls.f32")
    out = np.memmap(path, dtype=np.float32, mode="w+", shape=(n_docs, dim))
    by_id = {}
    g = torch.Generator().manual_seed(0)
    for start in range(0, n_docs, batch_size):
        input_ids = torch.randint(0, 8000, (batch_size, seq_len), generator=g)
        hidden = encoder(input_ids)
        cls = hidden[:, 0].numpy()
        end = start + len(cls)
        out[start:end] = cls
        for row in range(start, end):
            by_id[f"doc-{row:05d}"] = out[row]
    out.flush()
    return by_id


def scenario():
    torch.manual_seed(0)
    encoder = TinyEncoder().eval()
    return encode_corpus(encoder)
