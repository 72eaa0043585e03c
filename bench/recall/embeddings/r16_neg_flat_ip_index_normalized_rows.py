"""A FAISS-like in-memory inner-product index, in the shape of the small retrieval demos that stand in
for `faiss.IndexFlatIP` with a pure-PyTorch class: `add(x)` keeps each row `x[i]` in `self._rows` and
`search` stacks them.  The corpus loop encodes each batch, pools the CLS position and L2-normalises
it with `F.normalize` before adding: `F.normalize` returns a new (batch, dim) tensor, and `add`
keeps every one of its rows, so the index holds exactly the normalised vectors and nothing of the
encoder's (batch, tokens, dim) hidden states."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FlatIPIndex:
    def __init__(self, d):
        self.d = d
        self._rows = []
        self.ntotal = 0

    def add(self, x):
        assert x.shape[1] == self.d
        for i in range(x.shape[0]):
            self._rows.append(x[i])
        self.ntotal += x.shape[0]

    def search(self, q, k):
        xb = torch.stack(self._rows)
        return (q @ xb.T).topk(k, dim=-1)


class TinyEncoder(nn.Module):
    def __init__(self, vocab=8000, dim=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, input_ids):
        x = self.embed(input_ids)
        return x + torch.tanh(self.proj(x))


@torch.no_grad()
def build_index(encoder, n_batches=24, batch_size=32, seq_len=128):
    index = FlatIPIndex(128)
    g = torch.Generator().manual_seed(0)
    for _ in range(n_batches):
        hidden = encoder(torch.randint(0, 8000, (batch_size, seq_len), generator=g))
        emb = F.normalize(hidden[:, 0], p=2, dim=-1)
        index.add(emb)
    return index


def scenario():
    torch.manual_seed(0)
    encoder = TinyEncoder().eval()
    index = build_index(encoder)
    scores, ids = index.search(F.normalize(torch.randn(4, 128), dim=-1), k=5)
    return index, ids
