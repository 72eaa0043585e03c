"""Nucleus sampling; the processed next-token distributions are returned with the
sequences (like `output_scores=True`).  softmax makes a new tensor per step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyLM(nn.Module):
    def __init__(self, vocab=2000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(torch.tanh(self.emb(ids).cumsum(1)))


def top_p_filter(logits, top_p=0.9):
    sorted_logits, sorted_idx = torch.sort(logits, descending=True, dim=-1)
    cum = F.softmax(sorted_logits, dim=-1).cumsum(-1)
    remove = cum > top_p
    remove[..., 1:] = remove[..., :-1].clone()
    remove[..., 0] = False
    mask = remove.scatter(-1, sorted_idx, remove)
    return logits.masked_fill(mask, float("-inf"))


@torch.no_grad()
def sample(model, ids, steps=64):
    scores = []
    for _ in range(steps):
        logits = model(ids)
        next_logits = top_p_filter(logits[:, -1, :])
        probs = F.softmax(next_logits, dim=-1)
        scores.append(probs)
        ids = torch.cat([ids, torch.multinomial(probs, 1)], dim=1)
    return ids, scores


def scenario():
    torch.manual_seed(7)
    _, scores = sample(TinyLM().eval(), torch.randint(0, 2000, (2, 8)))
    return scores


if __name__ == "__main__":
    print(len(scenario()))
