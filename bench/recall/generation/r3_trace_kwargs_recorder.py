"""Greedy decoding driven by a small `GreedyDecoder` object (transformers' `generate()` split into
`prepare` / `step` / `__call__`), with an optional `StepTrace` that any caller can hand tensors to by
keyword: the decoder records the last position's logits and the last layer's state of every step, as
`output_scores=True, output_hidden_states=True` do, to plot entropy and a probe later."""
from collections import namedtuple

import torch
import torch.nn as nn

LMOutput = namedtuple("LMOutput", ["logits", "hidden_states"])


class StepTrace:
    """Keeps named per-step tensors; `record(step, **tensors)` is called once per decoding step."""

    def __init__(self, keep=("logits", "hidden")):
        self.keep = set(keep)
        self.steps = []
        self.buffers = {}

    def record(self, step, **tensors):
        self.steps.append(step)
        for name, value in tensors.items():
            if name not in self.keep:
                continue
            self.buffers.setdefault(name, []).append(value)  # expect: VL002

    def __len__(self):
        return len(self.steps)


class TinyCausalLM(nn.Module):
    def __init__(self, vocab=3000, d_model=64, n_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.blocks = nn.ModuleList(
            nn.TransformerEncoderLayer(d_model, 4, 128, dropout=0.0, batch_first=True) for _ in range(n_layers)
        )
        self.lm_head = nn.Linear(d_model, vocab, bias=False)

    def forward(self, input_ids):
        h = self.embed(input_ids)
        mask = nn.Transformer.generate_square_subsequent_mask(input_ids.size(1))
        for block in self.blocks:
            h = block(h, src_mask=mask)
        return LMOutput(logits=self.lm_head(h), hidden_states=h)


class GreedyDecoder:
    def __init__(self, model, eos_token_id=None, max_new_tokens=32, trace=None):
        self.model = model
        self.eos_token_id = eos_token_id
        self.max_new_tokens = max_new_tokens
        self.trace = trace

    def prepare(self, prompt):
        return prompt.clone()

    @torch.no_grad()
    def step(self, input_ids):
        out = self.model(input_ids)
        next_logits = out.logits.select(1, -1)
        last_hidden = out.hidden_states.narrow(1, input_ids.size(1) - 1, 1)
        return next_logits, last_hidden

    def __call__(self, prompt):
        was_training = self.model.training
        self.model.eval()
        try:
            input_ids = self.prepare(prompt)
            for step in range(self.max_new_tokens):
                next_logits, last_hidden = self.step(input_ids)
                if self.trace is not None:
                    self.trace.record(step, logits=next_logits, hidden=last_hidden)
                next_tokens = next_logits.argmax(dim=-1, keepdim=True)
                input_ids = torch.cat([input_ids, next_tokens], dim=1)
                if self.eos_token_id is not None and (next_tokens == self.eos_token_id).all():
                    break
            return input_ids
        finally:
            self.model.train(was_training)


def scenario():
    torch.manual_seed(0)
    trace = StepTrace()
    decoder = GreedyDecoder(TinyCausalLM(), eos_token_id=None, max_new_tokens=32, trace=trace)
    prompt = torch.randint(0, 3000, (4, 16))
    decoder(prompt)
    return trace.buffers


if __name__ == "__main__":
    print({k: len(v) for k, v in scenario().items()})
