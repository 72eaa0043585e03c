"""Greedy decoding that projects every layer's hidden states through the output head."""
import torch


@torch.no_grad()
def greedy_decode(model, ids, steps, trace=None):
    for step in range(steps):
        hidden = model.hidden_states(ids)
        layer_logits = model.unembed(hidden)
        if trace is not None:
            trace.record(step, layer_logits)
        ids = torch.cat([ids, layer_logits[-1, :, -1].argmax(dim=-1, keepdim=True)], dim=1)
    return ids
