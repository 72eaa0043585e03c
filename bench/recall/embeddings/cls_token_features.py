"""Sentence embeddings from a small Transformer encoder: the [CLS] position of the last
hidden state of every batch, concatenated at the end for a linear probe."""
import torch
import torch.nn as nn


class TextEncoder(nn.Module):
    def __init__(self, vocab=5000, hidden=64, layers=2, max_len=128):
        super().__init__()
        self.tok = nn.Embedding(vocab, hidden)
        self.pos = nn.Parameter(torch.zeros(1, max_len, hidden))
        layer = nn.TransformerEncoderLayer(hidden, 4, 128, batch_first=True, dropout=0.0)
        self.encoder = nn.TransformerEncoder(layer, layers)

    def forward(self, input_ids):
        return self.encoder(self.tok(input_ids) + self.pos[:, : input_ids.size(1)])


def batches(n, batch_size, seq_len, vocab):
    g = torch.Generator().manual_seed(0)
    for start in range(0, n, batch_size):
        yield torch.randint(0, vocab, (min(batch_size, n - start), seq_len), generator=g)


@torch.no_grad()
def extract_cls(model, loader):
    model.eval()
    feats = []
    for input_ids in loader:
        last_hidden_state = model(input_ids)
        feats.append(last_hidden_state[:, 0, :])  # expect: VL002
    return feats


def scenario():
    torch.manual_seed(0)
    model = TextEncoder()
    feats = extract_cls(model, batches(640, 32, 128, 5000))
    torch.cat(feats).shape
    return feats


if __name__ == "__main__":
    print(len(scenario()))
