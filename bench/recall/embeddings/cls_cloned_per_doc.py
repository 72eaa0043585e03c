"""Per-document [CLS] embeddings, cloned before they are stored so each keeps only its
own row (the fix of the classic 'my embedding cache uses all the RAM' report)."""
import torch
import torch.nn as nn


class DocEncoder(nn.Module):
    def __init__(self, vocab=4000, dim=96):
        super().__init__()
        self.tok_emb = nn.Embedding(vocab, dim)
        self.ff = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, ids):
        return self.ff(self.tok_emb(ids))


@torch.no_grad()
def embed(model, doc_ids, tokens, batch_size=32):
    cache = {}
    for start in range(0, len(doc_ids), batch_size):
        states = model(tokens[start:start + batch_size])
        cls = states[:, 0]
        for i, doc_id in enumerate(doc_ids[start:start + batch_size]):
            cache[doc_id] = cls[i].clone()
    return cache


def scenario():
    torch.manual_seed(7)
    g = torch.Generator().manual_seed(7)
    tokens = torch.randint(0, 4000, (480, 64), generator=g)
    return embed(DocEncoder().eval(), [f"d{i}" for i in range(480)], tokens)


if __name__ == "__main__":
    print(len(scenario()))
