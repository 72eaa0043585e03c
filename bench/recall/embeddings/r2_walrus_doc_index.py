"""Index a document stream for semantic search: batches come from a reader until it is
exhausted; each document's vector is the first position of the encoder output."""
import torch
import torch.nn as nn


class ShardReader:
    def __init__(self, n_docs, batch_size=48, seq_len=80, vocab=7000):
        self.n_docs = n_docs
        self.batch_size = batch_size
        self.seq_len = seq_len
        self.vocab = vocab
        self.pos = 0
        self.g = torch.Generator().manual_seed(7)

    def next_batch(self):
        if self.pos >= self.n_docs:
            return None
        n = min(self.batch_size, self.n_docs - self.pos)
        ids = [f"d{self.pos + i}" for i in range(n)]
        self.pos += n
        return ids, torch.randint(0, self.vocab, (n, self.seq_len), generator=self.g)


class BiEncoder(nn.Module):
    def __init__(self, vocab=7000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.ff = nn.Sequential(nn.Linear(d, d), nn.ReLU(), nn.Linear(d, d))

    def forward(self, ids):
        return self.ff(self.emb(ids))


@torch.no_grad()
def build_index(reader, encoder):
    index = {}
    while (batch := reader.next_batch()) is not None:
        doc_ids, tokens = batch
        hidden = encoder(tokens)
        for doc_id, vec in zip(doc_ids, hidden[:, 0]):
            index[doc_id] = vec  # expect: VL002
    return index


def scenario():
    torch.manual_seed(2)
    return build_index(ShardReader(960), BiEncoder().eval())


if __name__ == "__main__":
    print(len(scenario()))
