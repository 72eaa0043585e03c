"""Sentence embeddings in the shape of sentence-transformers: the model is an `nn.Sequential` of a
token encoder and a pooling module that pass one `features` dict along, each adding its output
(`token_embeddings`, then `sentence_embedding`); `encode()` sorts the sentences by length, runs
batches, moves each batch's embeddings to the host with `.cpu().numpy()`, extends one list with
them and puts them back in input order.  With `pooling_mode="cls"` the sentence embedding is
`token_embeddings[:, 0]`; on a CPU model `.cpu()` is the same tensor and `.numpy()` shares its
memory, so every row in the list is a view of its batch's whole (batch, length, dim) output."""
import numpy as np
import torch
import torch.nn as nn

MAX_LEN = 128


class TokenEncoder(nn.Module):
    def __init__(self, vocab=30000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.ff = nn.Linear(dim, dim)
        self.vocab = vocab

    def tokenize(self, texts):
        rows = [[101] + [hash(w) % (self.vocab - 200) + 200 for w in t.split()][: MAX_LEN - 1] for t in texts]
        ids = torch.zeros(len(rows), MAX_LEN, dtype=torch.long)
        mask = torch.zeros(len(rows), MAX_LEN, dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = torch.tensor(r)
            mask[i, : len(r)] = 1
        return {"input_ids": ids, "attention_mask": mask}

    def forward(self, features):
        x = self.embed(features["input_ids"])
        features["token_embeddings"] = x + torch.relu(self.ff(x))
        return features


class Pooling(nn.Module):
    def __init__(self, pooling_mode="mean"):
        super().__init__()
        self.pooling_mode = pooling_mode

    def forward(self, features):
        tokens = features["token_embeddings"]
        if self.pooling_mode == "cls":
            features["sentence_embedding"] = tokens[:, 0]
        else:
            mask = features["attention_mask"].unsqueeze(-1).float()
            features["sentence_embedding"] = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1)
        return features


class SentenceEncoder(nn.Sequential):
    def tokenize(self, texts):
        return self[0].tokenize(texts)

    @torch.no_grad()
    def encode(self, sentences, batch_size=32):
        self.eval()
        length_sorted_idx = np.argsort([-len(s) for s in sentences])
        sentences_sorted = [sentences[i] for i in length_sorted_idx]
        all_embeddings = []
        for start in range(0, len(sentences), batch_size):
            features = self.tokenize(sentences_sorted[start:start + batch_size])
            out_features = self.forward(features)
            embeddings = out_features["sentence_embedding"].detach().cpu().numpy()
            all_embeddings.extend(embeddings)  # expect: VL002
        return [all_embeddings[i] for i in np.argsort(length_sorted_idx)]


def scenario():
    torch.manual_seed(0)
    model = SentenceEncoder(TokenEncoder(), Pooling(pooling_mode="cls"))
    corpus = [" ".join(f"w{(i * 7 + j) % 900}" for j in range(20 + i % 60)) for i in range(1024)]
    return model.encode(corpus)
