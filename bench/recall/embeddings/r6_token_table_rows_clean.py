"""Static word vectors taken from a trained model's input embedding table, as in "export the token
embeddings" scripts: each vocabulary entry of interest gets `model.embed.weight.detach()[token_id]`.
Those rows are views, but of the one embedding matrix the model keeps anyway; nothing is rebound per
iteration, so the table is held once, by the model the caller also keeps."""
from typing import Dict, List

import torch
import torch.nn as nn


class BagOfWordsClassifier(nn.Module):
    def __init__(self, vocab: int = 20000, dim: int = 128, classes: int = 5):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.fc = nn.Linear(dim, classes)

    def forward(self, ids, offsets):
        return self.fc(self.embed(ids, offsets))


def export_word_vectors(model: BagOfWordsClassifier, vocab: Dict[str, int], words: List[str]) -> Dict[str, torch.Tensor]:
    table = model.embed.weight.detach()
    vectors = {}
    for word in words:
        token_id = vocab.get(word)
        if token_id is None:
            continue
        vectors[word] = table[token_id]
    return vectors


def scenario():
    torch.manual_seed(0)
    model = BagOfWordsClassifier()
    vocab = {f"w{i}": i for i in range(20000)}
    words = [f"w{i}" for i in range(0, 20000, 37)] + ["<unk-word>"]
    return model, export_word_vectors(model, vocab, words)
