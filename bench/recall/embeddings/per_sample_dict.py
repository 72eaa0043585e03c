"""Per-document embeddings keyed by document id, saved with torch.save afterwards.  The
model returns token states; the first token's state stands for the document."""
import torch
import torch.nn as nn


class DocEncoder(nn.Module):
    def __init__(self, vocab=4000, dim=96):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.tok_emb = nn.Embedding(vocab, dim)
        self.ff = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, ids):
        return self.ff(self.tok_emb(ids))                  # (batch, tokens, dim)


class Corpus:
    def __init__(self, n_docs, doc_len, vocab):
        self.ids = [f"doc-{i:05d}" for i in range(n_docs)]
        g = torch.Generator().manual_seed(1)
        self.tokens = torch.randint(0, vocab, (n_docs, doc_len), generator=g)

    def __len__(self):
        return len(self.ids)

    def batch(self, start, size):
        return self.ids[start:start + size], self.tokens[start:start + size]


@torch.no_grad()
def embed_corpus(model, corpus, batch_size=32):
    embeddings = {}
    for start in range(0, len(corpus), batch_size):
        doc_ids, tokens = corpus.batch(start, batch_size)
        states = model(tokens)
        for i, doc_id in enumerate(doc_ids):
            embeddings[doc_id] = states[i, 0]  # expect: VL002
    return embeddings


def scenario():
    torch.manual_seed(1)
    return embed_corpus(DocEncoder().eval(), Corpus(480, 64, 4000))


if __name__ == "__main__":
    print(len(scenario()))
