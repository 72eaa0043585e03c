"""Token-level embeddings from a sentence-transformers-style `encode(output_value="token_embeddings")`,
in the shape of the library's encode loop and the scripts built on it for word alignment and
ColBERT-like late interaction: sentences are sorted by length, tokenised in batches padded to the
model's max length, and for each sentence the loop walks back over the attention mask to the last real
token and keeps `token_emb[0:last_mask_id + 1]`.  That slice is a view of the batch's whole
(batch, max_len, dim) token-embedding tensor, which the model makes anew for every batch."""
import numpy as np
import torch
import torch.nn as nn


class WordPieceLite:
    def __init__(self, vocab_size=30000, max_seq_length=256):
        self.vocab_size = vocab_size
        self.max_seq_length = max_seq_length

    def __call__(self, texts):
        ids = torch.zeros(len(texts), self.max_seq_length, dtype=torch.long)
        mask = torch.zeros(len(texts), self.max_seq_length, dtype=torch.long)
        for row, text in enumerate(texts):
            pieces = [101] + [hash(w) % (self.vocab_size - 1000) + 1000 for w in text.split()][: self.max_seq_length - 2] + [102]
            ids[row, : len(pieces)] = torch.tensor(pieces)
            mask[row, : len(pieces)] = 1
        return {"input_ids": ids, "attention_mask": mask}


class TinyTransformer(nn.Module):
    def __init__(self, vocab_size=30000, dim=128):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.ff = nn.Linear(dim, dim)

    def forward(self, features):
        x = self.embed(features["input_ids"])
        token_embeddings = x + torch.relu(self.ff(x))
        mask = features["attention_mask"].unsqueeze(-1).float()
        sentence_embedding = (token_embeddings * mask).sum(1) / mask.sum(1)
        features.update({"token_embeddings": token_embeddings, "sentence_embedding": sentence_embedding})
        return features


class SentenceEncoder:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    @torch.no_grad()
    def encode(self, sentences, batch_size=32, output_value="sentence_embedding"):
        all_embeddings = []
        length_sorted_idx = np.argsort([-len(s) for s in sentences])
        sentences_sorted = [sentences[idx] for idx in length_sorted_idx]
        for start_index in range(0, len(sentences), batch_size):
            sentences_batch = sentences_sorted[start_index:start_index + batch_size]
            features = self.tokenizer(sentences_batch)
            out_features = self.model(features)
            if output_value == "token_embeddings":
                embeddings = []
                for token_emb, attention in zip(out_features[output_value], out_features["attention_mask"]):
                    last_mask_id = len(attention) - 1
                    while last_mask_id > 0 and attention[last_mask_id].item() == 0:
                        last_mask_id -= 1
                    embeddings.append(token_emb[0:last_mask_id + 1])
            else:
                embeddings = out_features[output_value].detach().clone()
            all_embeddings.extend(embeddings)  # expect: VL002
        return [all_embeddings[idx] for idx in np.argsort(length_sorted_idx)]


def make_sentences(n=512, seed=0):
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(5000)]
    return [" ".join(rng.choice(words, size=int(rng.integers(6, 24)))) for _ in range(n)]


def scenario():
    torch.manual_seed(0)
    encoder = SentenceEncoder(TinyTransformer().eval(), WordPieceLite())
    return encoder.encode(make_sentences(), output_value="token_embeddings")
