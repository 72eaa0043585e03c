"""Language-model fine-tuning set: documents are tokenised and truncated to the context length."""
import torch
from torch.utils.data import Dataset


class ByteTokenizer:
    """Stand-in for a HF tokenizer returning a LongTensor of ids (return_tensors='pt')."""

    def __call__(self, text, repeat=2000):
        data = (text * repeat).encode("utf-8")
        return torch.tensor(list(data), dtype=torch.long)


def read_documents(n_docs):
    for i in range(n_docs):
        yield "document %d: " % i + "the quick brown fox jumps over the lazy dog. " * 4


class TruncatedLMDataset(Dataset):
    def __init__(self, docs, tokenizer, max_length=256):
        self.examples = []
        for doc in docs:
            ids = tokenizer(doc)
            self.examples.append(ids[:max_length])  # expect: VL002

    def __len__(self):
        return len(self.examples)

    def __getitem__(self, i):
        x = self.examples[i]
        return x[:-1], x[1:]


def scenario():
    return TruncatedLMDataset(read_documents(40), ByteTokenizer())
