"""Building a kNN-LM datastore, in the shape of the knnlm / knn-transformers `--save-knnlm-dstore`
pass: a language model runs over the training text batch by batch, and the hidden state that predicts
each next token is written as a key, with that token as its value, into arrays preallocated for the
whole datastore (`dstore_keys`, `dstore_vals`, memory-mapped in the originals).  Writing a batch with
slice assignment copies its rows in, so each batch's hidden states are freed after the step."""
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn


@dataclass
class DstoreArgs:
    dstore_size: int = 12 * 8 * 127
    dim: int = 256
    dstore_fp16: bool = True


class TinyLM(nn.Module):
    def __init__(self, vocab=1000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.ffn = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim))

    def forward(self, ids):
        h = self.embed(ids)
        return h + self.ffn(h)


class KNNSaver:
    def __init__(self, args: DstoreArgs):
        self.args = args
        dtype = np.float16 if args.dstore_fp16 else np.float32
        self.dstore_keys = np.zeros((args.dstore_size, args.dim), dtype=dtype)
        self.dstore_vals = np.zeros((args.dstore_size, 1), dtype=np.int64)
        self.dstore_idx = 0
        self.batch_sizes = []

    def save_batch(self, hidden, tokens):
        keys = hidden[:, :-1].reshape(-1, self.args.dim)
        vals = tokens[:, 1:].reshape(-1, 1)
        n = min(keys.shape[0], self.args.dstore_size - self.dstore_idx)
        lo, hi = self.dstore_idx, self.dstore_idx + n
        self.dstore_keys[lo:hi] = keys[:n].numpy().astype(self.dstore_keys.dtype)
        self.dstore_vals[lo:hi] = vals[:n].numpy()
        self.dstore_idx = hi
        self.batch_sizes.append(n)


@torch.no_grad()
def build_datastore(model, batches, args):
    saver = KNNSaver(args)
    for tokens in batches:
        hidden = model(tokens)
        saver.save_batch(hidden, tokens)
    return saver


def scenario():
    torch.manual_seed(0)
    args = DstoreArgs()
    batches = (torch.randint(0, 1000, (8, 128)) for _ in range(12))
    saver = build_datastore(TinyLM(dim=args.dim).eval(), batches, args)
    return saver.dstore_keys, saver.dstore_vals, saver.batch_sizes
