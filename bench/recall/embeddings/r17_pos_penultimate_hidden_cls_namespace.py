"""Sentence features from the penultimate layer, in the shape of the CLIP/BERT feature-extraction
scripts that call the encoder with `output_hidden_states=True` and take the CLS token of the layer
before the last (`out.hidden_states[-2][:, 0]`), which transfers better than the last layer.  The
script keeps one `types.SimpleNamespace` record per document (id, text length, vector) for a later
clustering step."""
import types

import torch
import torch.nn as nn


class TinyEncoder(nn.Module):
    def __init__(self, vocab=1000, dim=64, n_layers=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(
            nn.TransformerEncoderLayer(dim, 4, dim_feedforward=128, batch_first=True)
            for _ in range(n_layers))

    def forward(self, input_ids, output_hidden_states=False):
        h = self.embed(input_ids)
        all_hidden = (h,)
        for layer in self.layers:
            h = layer(h)
            all_hidden = all_hidden + (h,)
        return types.SimpleNamespace(last_hidden_state=h,
                                     hidden_states=all_hidden if output_hidden_states else None)


@torch.no_grad()
def embed_documents(model, docs, batch_size=16, seq_len=128):
    records = []
    for start in range(0, len(docs), batch_size):
        batch = docs[start:start + batch_size]
        input_ids = torch.stack([ids[:seq_len] for _, ids in batch])
        out = model(input_ids, output_hidden_states=True)
        cls = out.hidden_states[-2][:, 0]
        for j, (doc_id, ids) in enumerate(batch):
            records.append(types.SimpleNamespace(doc_id=doc_id, n_tokens=len(ids),
                                                 vector=cls[j]))  # expect: VL002
    return records


def scenario():
    torch.manual_seed(0)
    model = TinyEncoder().eval()
    docs = [(f"doc-{i}", torch.randint(0, 1000, (128,))) for i in range(640)]
    return embed_documents(model, docs)
