"""Per-step records of what each layer would predict (the "logit lens")."""
import torch


class LayerTrace:
    def __init__(self, layers):
        self.layers = tuple(layers)
        self.by_step = {}

    def record(self, step, layer_logits):
        # layer_logits: (layers, batch, time, vocab) for the whole prefix
        self.by_step[step] = layer_logits[:, 0, -1]  # expect: VL002

    def agreement(self):
        finals = {s: v[-1].argmax() for s, v in self.by_step.items()}
        return {s: (v.argmax(dim=-1) == finals[s]).float() for s, v in self.by_step.items()}
