"""Embedding a document collection with a torch Dataset / DataLoader and a padding collate_fn;
the [CLS] state of each document is stored under its id for a later nearest-neighbour lookup."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class DocumentDataset(Dataset):
    def __init__(self, n_docs, vocab=6000, min_len=40, max_len=96, seed=0):
        g = torch.Generator().manual_seed(seed)
        lengths = torch.randint(min_len, max_len, (n_docs,), generator=g)
        self.docs = [torch.randint(1, vocab, (int(n),), generator=g) for n in lengths]
        self.ids = [f"doc-{i:05d}" for i in range(n_docs)]

    def __len__(self):
        return len(self.docs)

    def __getitem__(self, idx):
        return {"doc_id": self.ids[idx], "input_ids": self.docs[idx]}


def pad_collate(items, pad_id=0):
    width = max(item["input_ids"].numel() for item in items)
    ids = torch.full((len(items), width), pad_id, dtype=torch.long)
    for row, item in enumerate(items):
        ids[row, : item["input_ids"].numel()] = item["input_ids"]
    return [item["doc_id"] for item in items], ids, ids != pad_id


class DocEncoder(nn.Module):
    def __init__(self, vocab=6000, d=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, d, padding_idx=0)
        self.layer = nn.TransformerEncoderLayer(d, 4, 256, dropout=0.0, batch_first=True)

    def forward(self, ids, mask):
        return self.layer(self.embed(ids), src_key_padding_mask=~mask)


@torch.no_grad()
def embed_corpus(model, loader):
    model.eval()
    by_id = {}
    for batch_idx, (doc_ids, ids, mask) in enumerate(loader):
        hidden = model(ids, mask)
        for doc_id, states in zip(doc_ids, hidden.unbind(0)):
            by_id[doc_id] = states[0]  # expect: VL002
    return by_id


def scenario():
    torch.manual_seed(1)
    loader = DataLoader(DocumentDataset(512), batch_size=32, shuffle=False, collate_fn=pad_collate)
    return embed_corpus(DocEncoder(), loader)


if __name__ == "__main__":
    print(len(scenario()))
