"""A document-embedding table keyed by id, in the shape of the retrieval scripts that encode a corpus
in batches and name the rows with `dict(zip(ids, embeddings))` before pickling the table: the encoder's
(batch, tokens, dim) hidden states are pooled by taking the CLS position, `hidden[:, 0]`, and
`zip` walks that (batch, dim) tensor row by row.  Each row is a view of the batch's whole hidden-state
tensor, which the encoder makes anew per batch."""
import torch
import torch.nn as nn


class TinyEncoder(nn.Module):
    def __init__(self, vocab=8000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.ff = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))
        self.norm = nn.LayerNorm(dim)

    def forward(self, input_ids):
        x = self.embed(input_ids)
        return self.norm(x + self.ff(x))


def corpus_batches(n_docs=768, batch_size=32, seq_len=128, seed=0):
    g = torch.Generator().manual_seed(seed)
    for start in range(0, n_docs, batch_size):
        ids = [f"doc-{i:05d}" for i in range(start, start + batch_size)]
        yield ids, torch.randint(0, 8000, (batch_size, seq_len), generator=g)


@torch.no_grad()
def build_table(encoder, batches):
    table = {}
    for doc_ids, input_ids in batches:
        hidden = encoder(input_ids)
        cls = hidden[:, 0]
        table.update(dict(zip(doc_ids, cls)))  # expect: VL002
    return table


def scenario():
    torch.manual_seed(0)
    encoder = TinyEncoder().eval()
    return build_table(encoder, corpus_batches())
