"""Nucleus (top-p) sampling written with `torch.sort`, `cumsum` and `scatter`, in the shape of the
`top_p_filtering` helpers copied across many GPT-2 fine-tuning repositories: the sorted probabilities'
cumulative sum marks the tokens outside the nucleus, the mask is scattered back to vocabulary order,
and the masked logits are renormalised.  For a calibration report it keeps, at every step, the first
sequence's filtered distribution in half precision, `probs[0].to(torch.float16)`, and the chosen
tokens' probabilities read with `gather`: both are copies that own their bytes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyLM(nn.Module):
    def __init__(self, vocab=32000, dim=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        return self.head(torch.tanh(self.embed(ids).mean(dim=1)))


def top_p_filter(logits, top_p=0.9):
    sorted_logits, sorted_idx = torch.sort(logits, descending=True)
    cum = torch.cumsum(F.softmax(sorted_logits, dim=-1), dim=-1)
    remove = cum > top_p
    remove[..., 1:] = remove[..., :-1].clone()
    remove[..., 0] = False
    mask = remove.scatter(1, sorted_idx, remove)
    return logits.masked_fill(mask, float("-inf"))


@torch.no_grad()
def sample(model, ids, steps=100, top_p=0.9):
    calib, chosen = [], []
    for _ in range(steps):
        logits = model(ids)
        probs = F.softmax(top_p_filter(logits, top_p), dim=-1)
        nxt = torch.multinomial(probs, 1)
        calib.append(probs[0].to(torch.float16))
        chosen.append(probs.gather(-1, nxt))
        ids = torch.cat([ids, nxt], dim=1)
    return ids, calib, chosen


def scenario():
    torch.manual_seed(2)
    model = TinyLM().eval()
    return sample(model, torch.randint(0, 32000, (16, 8)))
