"""Layer-wise probing features from a small Transformer encoder."""
import torch
import torch.nn as nn

from extract import LayerFeatureExtractor


class Encoder(nn.Module):
    def __init__(self, vocab=5000, d=96, n_layers=3):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.layers = nn.ModuleList(
            nn.TransformerEncoderLayer(d, 4, 192, dropout=0.0, batch_first=True) for _ in range(n_layers)
        )

    def forward(self, ids):
        h = self.embed(ids)
        for layer in self.layers:
            h = layer(h)
        return h


def token_batches(n_batches, batch_size=32, seq_len=64, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n_batches):
        yield torch.randint(0, 5000, (batch_size, seq_len), generator=g)


def scenario():
    torch.manual_seed(0)
    extractor = LayerFeatureExtractor(Encoder(), ["layers.0", "layers.2"])
    return extractor(token_batches(12))


if __name__ == "__main__":
    print({k: len(v) for k, v in scenario().items()})
