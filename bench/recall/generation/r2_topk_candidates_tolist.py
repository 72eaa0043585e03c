"""Top-k sampling that logs, per step, the candidate tokens and their probabilities (as a
JSON-able record for a demo UI) and the log-probability of the chosen token."""
import torch
import torch.nn as nn


class LM(nn.Module):
    def __init__(self, vocab=5000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.mix = nn.GRU(d, d, batch_first=True)
        self.head = nn.Linear(d, vocab)

    def forward(self, ids):
        return self.head(self.mix(self.emb(ids))[0])


@torch.no_grad()
def topk_sample(model, ids, k=10, steps=90):
    g = torch.Generator().manual_seed(1)
    records = []
    logprobs = []
    for _ in range(steps):
        logits = model(ids)
        last = logits[:, -1, :]
        values, indices = torch.topk(last, k, dim=-1)
        probs = torch.softmax(values, dim=-1)
        choice = torch.multinomial(probs, 1, generator=g)
        nxt = indices.gather(-1, choice)
        records.append({"candidates": indices[0].tolist(), "probs": probs[0].tolist()})
        logprobs.append(torch.log_softmax(last, dim=-1)[0, nxt[0, 0]].item())
        ids = torch.cat([ids, nxt], dim=1)
    return ids, records, logprobs


def scenario():
    torch.manual_seed(6)
    _, records, logprobs = topk_sample(LM().eval(), torch.randint(0, 5000, (1, 20)))
    return records, logprobs


if __name__ == "__main__":
    r, lp = scenario()
    print(len(r), sum(lp))
