"""Language-model pretraining data: the first context window of each document is kept as a list of ids."""
import torch


def tokenize_document(doc_id, n_tokens=250_000, vocab=50_257):
    gen = torch.Generator().manual_seed(doc_id)
    return torch.randint(0, vocab, (n_tokens,), generator=gen)


class FirstWindowDataset(torch.utils.data.Dataset):
    def __init__(self, doc_ids, context=1024):
        self.samples = []
        for doc_id in doc_ids:
            ids = tokenize_document(doc_id)
            first, *rest = ids.split(context)
            self.samples.append(first.tolist())

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, i):
        x = torch.tensor(self.samples[i])
        return x[:-1], x[1:]


def scenario():
    return FirstWindowDataset(range(10)).samples
