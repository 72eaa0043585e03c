"""Batch previews for a character-level language model: each epoch the corpus is re-tokenised into
one new token tensor (a random crop offset per epoch, as with on-the-fly augmentation), a map-style
dataset hands out variable-length sequences as slices of that tensor, and the `DataLoader`'s
`collate_fn` pads them with `torch.nn.utils.rnn.pad_sequence(..., batch_first=True)`.  The first
padded batch of every epoch is kept for a preview.  `pad_sequence` copies the sequences into a new
tensor, so the kept batches hold nothing of the epoch's token tensor: the clean look-alike of a
collate function that hands back the dataset's own slices (`batch[0][0]`).  Written after
`pad_collate` functions built on `zip(*batch)` and `pad_sequence(xs, batch_first=True,
padding_value=0)` beside a lengths tensor."""
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset


class SpanDataset(Dataset):
    def __init__(self, tokens, spans):
        self.tokens = tokens
        self.spans = spans

    def __len__(self):
        return len(self.spans)

    def __getitem__(self, idx):
        start, length = self.spans[idx]
        seq = self.tokens[start:start + length]
        return seq, seq[-1]


def pad_collate(batch):
    seqs, targets = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = pad_sequence(seqs, batch_first=True, padding_value=0)
    return padded, torch.stack(targets), lengths


def retokenise(corpus, gen):
    offset = int(torch.randint(0, 64, (1,), generator=gen))
    return torch.roll(corpus, offset) % 96


def scenario(n_epochs=12, corpus_len=1_000_000):
    gen = torch.Generator().manual_seed(0)
    corpus = torch.randint(0, 256, (corpus_len,), generator=gen)
    starts = torch.randint(0, corpus_len - 512, (400,), generator=gen).tolist()
    lens = torch.randint(32, 512, (400,), generator=gen).tolist()
    spans = list(zip(starts, lens))
    previews = []
    for epoch in range(n_epochs):
        tokens = retokenise(corpus, gen)
        loader = DataLoader(SpanDataset(tokens, spans), batch_size=16, shuffle=False,
                            collate_fn=pad_collate)
        for step, (padded, targets, lengths) in enumerate(loader):
            if step == 0:
                previews.append((padded, lengths))
            if step == 8:
                break
    return previews
