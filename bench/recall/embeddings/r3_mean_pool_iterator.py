"""Sentence embeddings produced by an iterator object: each batch is mean-pooled over the attention
mask (a new tensor per batch) and handed out row by row; the caller keeps every row and converts the
collection to NumPy at the end."""
import numpy as np
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab=6000, d=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=0)
        self.layer = nn.TransformerEncoderLayer(d, 4, 256, dropout=0.0, batch_first=True)

    def forward(self, ids, mask):
        return self.layer(self.emb(ids), src_key_padding_mask=~mask)


def mean_pool(token_states, mask):
    m = mask.unsqueeze(-1).to(token_states.dtype)
    return (token_states * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)


class EmbeddingIterator:
    def __init__(self, model, sentences, batch_size=64, normalize=True):
        self.model = model
        self.sentences = sentences
        self.batch_size = batch_size
        self.normalize = normalize

    def __iter__(self):
        with torch.no_grad():
            for start in range(0, self.sentences.size(0), self.batch_size):
                ids = self.sentences[start:start + self.batch_size]
                mask = ids != 0
                pooled = mean_pool(self.model(ids, mask), mask)
                if self.normalize:
                    pooled = torch.nn.functional.normalize(pooled, dim=-1)
                yield from pooled.unbind(0)


def scenario():
    torch.manual_seed(6)
    g = torch.Generator().manual_seed(6)
    sentences = torch.randint(0, 6000, (1024, 64), generator=g)
    sentences[:, 48:] = 0
    rows = []
    for vec in EmbeddingIterator(Encoder().eval(), sentences):
        rows.append(vec)
    return rows, np.stack([r.numpy() for r in rows[:8]])


if __name__ == "__main__":
    rows, head = scenario()
    print(len(rows), head.shape)
