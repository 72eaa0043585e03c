"""Sampling loop with an optional per-layer probe collector (for a logit-lens style analysis)."""
import torch


class LayerProbeCollector:
    """Collects, per layer, the state at the position that produced each new token."""

    def __init__(self, layers=None):
        self.layers = layers
        self.per_layer = {}

    def __call__(self, hidden_states):
        for idx, layer_states in enumerate(hidden_states):
            if self.layers is not None and idx not in self.layers:
                continue
            self.per_layer.setdefault(idx, []).append(layer_states[:, -1])  # expect: VL002


def top_k_filter(logits, k):
    kth = torch.topk(logits, k, dim=-1).values[:, -1:]
    return logits.masked_fill(logits < kth, float("-inf"))


@torch.no_grad()
def generate(model, input_ids, *, max_new_tokens=20, top_k=40, temperature=1.0, collector=None, generator=None):
    for _ in range(max_new_tokens):
        outputs = model(input_ids, output_hidden_states=collector is not None)
        logits = outputs["logits"][:, -1, :] / temperature
        if collector is not None:
            collector(outputs["hidden_states"])
        probs = torch.softmax(top_k_filter(logits, top_k), dim=-1)
        next_ids = torch.multinomial(probs, 1, generator=generator)
        input_ids = torch.cat((input_ids, next_ids), dim=1)
    return input_ids
