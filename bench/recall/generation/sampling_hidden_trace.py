"""Top-k sampling from a small GRU language model; every step's last hidden state and
sampled token are recorded in a trace for a probing classifier trained later."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CharRNN(nn.Module):
    def __init__(self, vocab=96, hidden=256, layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.rnn = nn.GRU(hidden, hidden, num_layers=layers, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, ids):
        out, _ = self.rnn(self.embed(ids))
        return self.head(out), out


def top_k_sample(logits, k=10, temperature=0.9):
    vals, idx = torch.topk(logits / temperature, k, dim=-1)
    choice = torch.multinomial(F.softmax(vals, dim=-1), 1)
    return idx.gather(-1, choice)


class GenerationTracer:
    def __init__(self, model):
        self.model = model
        self.trace = {}

    @torch.no_grad()
    def run(self, prompt, steps=48):
        ids = prompt
        for step in range(steps):
            logits, hidden = self.model(ids)
            tok = top_k_sample(logits[:, -1])
            self.trace[step] = {
                "hidden": hidden[:, -1],  # expect: VL002
                "token": tok.squeeze(-1).tolist(),
            }
            ids = torch.cat([ids, tok], dim=1)
        return ids


def scenario():
    torch.manual_seed(1)
    model = CharRNN().eval()
    tracer = GenerationTracer(model)
    tracer.run(torch.randint(0, 96, (4, 24)))
    return tracer.trace


if __name__ == "__main__":
    print(len(scenario()))
