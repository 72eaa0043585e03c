"""Contrastive decoding with two causal LMs (expert and amateur), in the shape of the expert/amateur
playgrounds written after Li et al.  The decoder's `generate` is decorated with
`@torch.inference_mode()` and gathers the expert's last-position logits through `trace += row`; here
the trace's `__iadd__` writes each row into a preallocated (steps, batch, vocab) buffer, as the
score recorders that size their storage from `max_new_tokens` do, so the step's whole output is
copied and dropped."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyCausalLM(nn.Module):
    def __init__(self, vocab=4000, dim=96):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.lm_head = nn.Linear(dim, vocab)

    def forward(self, input_ids):
        h = self.embed(input_ids).cumsum(dim=1) / torch.arange(1, input_ids.size(1) + 1)[:, None]
        return self.lm_head(torch.tanh(self.mix(h)))


class StepBuffer:
    def __init__(self, steps, batch, vocab):
        self.scores = torch.empty(steps, batch, vocab)
        self.n = 0

    def __iadd__(self, row):
        self.scores[self.n] = row
        self.n += 1
        return self

    def __len__(self):
        return self.n


class ContrastiveDecoder:
    def __init__(self, expert, amateur, alpha=0.1, student_temperature=0.5):
        self.expert = expert.eval()
        self.amateur = amateur.eval()
        self.alpha = alpha
        self.student_temperature = student_temperature
        self.expert_trace = None

    def _contrast(self, expert_lp, amateur_lp):
        cutoff = torch.log(torch.tensor(self.alpha)) + expert_lp.max(dim=-1, keepdim=True).values
        diffs = expert_lp - amateur_lp
        return diffs.masked_fill(expert_lp < cutoff, -float("inf"))

    @torch.inference_mode()
    def generate(self, input_ids, max_new_tokens=40):
        self.expert_trace = StepBuffer(max_new_tokens, input_ids.size(0), 4000)
        for _ in range(max_new_tokens):
            expert_logits = self.expert(input_ids)
            amateur_logits = self.amateur(input_ids)
            next_expert = expert_logits[:, -1, :]
            self.expert_trace += next_expert
            expert_lp = F.log_softmax(next_expert, dim=-1)
            amateur_lp = F.log_softmax(amateur_logits[:, -1, :] / self.student_temperature, dim=-1)
            next_tokens = self._contrast(expert_lp, amateur_lp).argmax(dim=-1, keepdim=True)
            input_ids = torch.cat([input_ids, next_tokens], dim=-1)
        return input_ids


def scenario():
    torch.manual_seed(13)
    decoder = ContrastiveDecoder(TinyCausalLM(dim=128), TinyCausalLM(dim=32))
    out = decoder.generate(torch.randint(0, 4000, (2, 48)))
    return out, decoder.expert_trace
