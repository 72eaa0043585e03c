"""Sentence-transformers style mean pooling over the attention mask; each sentence's
pooled vector is stored under its id."""
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab=5000, d=96):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=0)
        self.ff = nn.Linear(d, d)

    def forward(self, ids):
        return torch.tanh(self.ff(self.emb(ids)))


def mean_pooling(token_embeddings, attention_mask):
    mask = attention_mask.unsqueeze(-1).to(token_embeddings.dtype)
    return (token_embeddings * mask).sum(1) / mask.sum(1).clamp(min=1e-9)


@torch.no_grad()
def encode(model, sentences, batch_size=64):
    out = {}
    for start in range(0, len(sentences), batch_size):
        chunk = sentences[start:start + batch_size]
        ids = torch.stack([s["ids"] for s in chunk])
        hidden = model(ids)
        pooled = mean_pooling(hidden, (ids != 0).long())
        for i, s in enumerate(chunk):
            out[s["id"]] = pooled[i]
    return out


def scenario():
    torch.manual_seed(6)
    g = torch.Generator().manual_seed(6)
    sentences = []
    for k in range(640):
        ids = torch.randint(1, 5000, (128,), generator=g)
        ids[torch.randint(20, 128, (1,), generator=g):] = 0
        sentences.append({"id": f"s{k}", "ids": ids})
    return encode(Encoder().eval(), sentences)


if __name__ == "__main__":
    print(len(scenario()))
