"""The same hand-rolled generate loop after the fix transformers applied: the last
position's logits are copied (`.to(copy=True)`) before they are kept, and the hidden
states kept per step are cloned."""
from dataclasses import dataclass
from typing import Optional, Tuple

import torch
import torch.nn as nn


@dataclass
class CausalLMOutput:
    logits: torch.Tensor
    hidden_states: Optional[Tuple[torch.Tensor, ...]] = None


class ToyForCausalLM(nn.Module):
    def __init__(self, vocab=2500, d=64, n_layers=3):
        super().__init__()
        self.wte = nn.Embedding(vocab, d)
        self.layers = nn.ModuleList(nn.Linear(d, d) for _ in range(n_layers))
        self.lm_head = nn.Linear(d, vocab, bias=False)

    def forward(self, input_ids, output_hidden_states=False):
        h = self.wte(input_ids)
        states = (h,)
        for layer in self.layers:
            h = h + torch.tanh(layer(h.cumsum(1) / h.size(1)))
            states += (h,)
        return CausalLMOutput(self.lm_head(h), states if output_hidden_states else None)


@torch.no_grad()
def generate(model, input_ids, max_new_tokens=48):
    scores = ()
    decoder_hidden_states = ()
    while max_new_tokens > 0:
        outputs = model(input_ids, output_hidden_states=True)
        next_token_logits = outputs.logits[:, -1, :].to(copy=True, dtype=torch.float32)
        scores += (next_token_logits,)
        decoder_hidden_states += (outputs.hidden_states[-1][:, -1:].clone(),)
        next_tokens = torch.argmax(next_token_logits, dim=-1)
        input_ids = torch.cat([input_ids, next_tokens[:, None]], dim=-1)
        max_new_tokens -= 1
    return input_ids, scores, decoder_hidden_states


def scenario():
    torch.manual_seed(12)
    _, scores, states = generate(ToyForCausalLM().eval(), torch.randint(0, 2500, (2, 12)))
    return scores, states


if __name__ == "__main__":
    s, h = scenario()
    print(len(s), len(h))
