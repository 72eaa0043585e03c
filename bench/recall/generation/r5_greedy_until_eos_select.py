"""Greedy decoding without a KV cache, as in many small GPT re-implementations: the whole prefix is
run through the model at every step, the loop is `while True` and stops at EOS or at the length cap.
For a later calibration plot the next-token distribution of each step is kept, taken with
`logits.select(1, -1)`: a view of that step's full (batch, time, vocab) logits tensor."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyGPT(nn.Module):
    def __init__(self, vocab_size=4096, d_model=128, max_len=512):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding(max_len, d_model)
        self.mix = nn.Linear(d_model, d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)

    def forward(self, idx):
        t = idx.size(1)
        x = self.tok(idx) + self.pos(torch.arange(t))
        x = x + torch.tanh(self.mix(x)).cumsum(1) / torch.arange(1, t + 1).view(1, t, 1)
        return self.lm_head(x)


@torch.no_grad()
def greedy_decode(model, prompt, eos_id, max_new_tokens=48, temperature=1.0):
    idx = prompt
    step_dists = []
    while True:
        logits = model(idx) / temperature
        last = logits.select(1, -1)
        step_dists.append(F.softmax(last, dim=-1) if temperature != 1.0 else last)  # expect: VL002
        next_id = last.argmax(dim=-1, keepdim=True)
        idx = torch.cat([idx, next_id], dim=1)
        if (next_id == eos_id).all() or idx.size(1) - prompt.size(1) >= max_new_tokens:
            break
    return idx, step_dists


def scenario():
    torch.manual_seed(0)
    model = TinyGPT().eval()
    prompt = torch.randint(0, 4096, (2, 24))
    out, dists = greedy_decode(model, prompt, eos_id=-1)
    return out, dists
