"""Language-model loader that packs tokenised documents into fixed-length blocks (GPT-style
``group_texts``): a collate helper concatenates the documents of a batch, drops the remainder and
reshapes to (n_blocks, block_size).  The evaluation loop keeps, per batch, the last position of every
block so that a continuation check can be run after the epoch."""
import torch


class PackedBatch:
    __slots__ = ("input_ids", "n_docs")

    def __init__(self, input_ids, n_docs):
        self.input_ids = input_ids
        self.n_docs = n_docs


class TokenizedCorpus:
    """Stand-in for a tokenised dataset: documents of random length."""

    def __init__(self, n_docs, vocab=32000, seed=0):
        self.gen = torch.Generator().manual_seed(seed)
        self.n_docs = n_docs
        self.vocab = vocab

    def __len__(self):
        return self.n_docs

    def __getitem__(self, i):
        length = int(torch.randint(200, 2000, (1,), generator=self.gen))
        return torch.randint(0, self.vocab, (length,), generator=self.gen)


class PackingCollator:
    def __init__(self, block_size=512):
        self.block_size = block_size

    @staticmethod
    def _concat(docs):
        return torch.cat(list(docs))

    def __call__(self, docs):
        flat = self._concat(docs)
        usable = (flat.numel() // self.block_size) * self.block_size
        return PackedBatch(flat[:usable].view(-1, self.block_size), len(docs))


def batches(corpus, collate, batch_docs=64):
    for start in range(0, len(corpus), batch_docs):
        docs = [corpus[i] for i in range(start, min(start + batch_docs, len(corpus)))]
        yield collate(docs)


def evaluate(corpus, collate):
    tails = []
    n_blocks = 0
    with torch.inference_mode():
        for batch in batches(corpus, collate):
            n_blocks += batch.input_ids.shape[0]
            tails.append(batch.input_ids[:, -1:])  # expect: VL001
    return tails, n_blocks


def scenario():
    return evaluate(TokenizedCorpus(n_docs=64 * 16), PackingCollator(block_size=512))
