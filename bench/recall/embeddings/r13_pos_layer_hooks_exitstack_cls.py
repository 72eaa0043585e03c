"""Layer-wise sentence features for a probing study, in the shape of the feature-extractor helpers
that put a forward hook on each chosen encoder layer and remove the handles afterwards.  Here the
hooks are made by a closure factory, one per layer name, and their handles are pushed onto a
`contextlib.ExitStack` (`stack.callback(handle.remove)`), so leaving the `with` block removes them
all.  Each hook keeps the layer output's first token, `output[:, 0]`: a view of that layer's whole
(batch, time, dim) activation of that batch, for every layer and every batch."""
from collections import defaultdict
from contextlib import ExitStack

import torch
import torch.nn as nn


class EncoderLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.ff = nn.Linear(dim, dim)

    def forward(self, x):
        return x + torch.relu(self.ff(self.norm(x)))


class Encoder(nn.Module):
    def __init__(self, vocab=5000, dim=256, n_layers=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(EncoderLayer(dim) for _ in range(n_layers))

    def forward(self, input_ids):
        x = self.embed(input_ids)
        for layer in self.layers:
            x = layer(x)
        return x


def make_cls_hook(store, name):
    def hook(module, inputs, output):
        store[name].append(output[:, 0])  # expect: VL002
    return hook


@torch.no_grad()
def extract_layer_features(model, batches, layer_ids=(1, 2, 3)):
    features = defaultdict(list)
    with ExitStack() as stack:
        for i in layer_ids:
            handle = model.layers[i].register_forward_hook(make_cls_hook(features, f"layer{i}"))
            stack.callback(handle.remove)
        for input_ids in batches:
            model(input_ids)
    return dict(features)


def scenario():
    torch.manual_seed(5)
    model = Encoder().eval()
    batches = [torch.randint(0, 5000, (16, 128)) for _ in range(12)]
    return extract_layer_features(model, batches)
