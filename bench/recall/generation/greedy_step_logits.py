"""Greedy decoding with a tiny causal LM, keeping the next-token logits of every step
(as `output_scores=True` does) to compute per-token entropy afterwards."""
import torch
import torch.nn as nn


class TinyCausalLM(nn.Module):
    def __init__(self, vocab_size=2000, d_model=64):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.mix = nn.Linear(d_model, d_model)
        self.lm_head = nn.Linear(d_model, vocab_size)

    def forward(self, input_ids):
        h = self.embed(input_ids)
        h = torch.cumsum(h, dim=1) / torch.arange(1, h.size(1) + 1).view(1, -1, 1)
        return self.lm_head(torch.tanh(self.mix(h)))


@torch.no_grad()
def greedy_decode(model, input_ids, max_new_tokens=64, eos_token_id=None):
    step_logits = []
    for _ in range(max_new_tokens):
        logits = model(input_ids)                      # (batch, seq, vocab)
        next_token_logits = logits[:, -1, :]
        step_logits.append(next_token_logits)  # expect: VL002
        next_tokens = next_token_logits.argmax(dim=-1, keepdim=True)
        input_ids = torch.cat([input_ids, next_tokens], dim=1)
        if eos_token_id is not None and (next_tokens == eos_token_id).all():
            break
    return input_ids, step_logits


def token_entropies(step_logits):
    out = []
    for lg in step_logits:
        p = torch.softmax(lg, dim=-1)
        out.append(float(-(p * p.clamp_min(1e-9).log()).sum(-1).mean()))
    return out


def scenario():
    torch.manual_seed(0)
    model = TinyCausalLM().eval()
    prompt = torch.randint(0, 2000, (2, 8))
    seqs, scores = greedy_decode(model, prompt)
    token_entropies(scores)
    return scores


if __name__ == "__main__":
    s = scenario()
    print(len(s), s[0].shape)
