"""A packed language-modelling stream: an iterable dataset concatenates tokenized documents into a
buffer and cuts it into fixed-length blocks, carrying the remainder over to the next document
(`buffer = buffer[n_full * block:]`, then `np.concatenate([buffer, tokens])`).  The training loop
takes each block as the next example and keeps every 8th one as a held-out probe, converted with
`torch.tensor(block)`, which copies the tokens.  The remainder slice only lives until the next
concatenation, and the probes own their memory.  Written after the Hugging Face `group_texts`
preprocessing (`concatenated[i : i + block_size] for i in range(0, total_length, block_size)`, the
remainder dropped) and the streaming `ConstantLengthDataset` of trl, which keeps a token buffer
between documents."""
import numpy as np
import torch


class PackedTokenStream:
    def __init__(self, n_docs, block_size=512, seed=0):
        self.n_docs = n_docs
        self.block_size = block_size
        self.seed = seed

    def _documents(self):
        rng = np.random.default_rng(self.seed)
        for _ in range(self.n_docs):
            n = int(rng.integers(2000, 20000))
            yield rng.integers(0, 50257, size=n, dtype=np.int64)

    def __iter__(self):
        buffer = np.empty(0, dtype=np.int64)
        for tokens in self._documents():
            buffer = np.concatenate([buffer, tokens])
            n_full = len(buffer) // self.block_size
            for i in range(n_full):
                yield buffer[i * self.block_size:(i + 1) * self.block_size]
            buffer = buffer[n_full * self.block_size:]


class TinyLM(torch.nn.Module):
    def __init__(self, vocab=50257, dim=16):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, dim)

    def forward(self, ids):
        return self.emb(ids).pow(2).mean()


def scenario(n_docs=24):
    model = TinyLM()
    holdout, losses = [], []
    for step, block in enumerate(PackedTokenStream(n_docs)):
        ids = torch.from_numpy(block)
        with torch.no_grad():
            losses.append(float(model(ids)))
        if step % 8 == 0:
            holdout.append(torch.tensor(block))
    return holdout, losses
