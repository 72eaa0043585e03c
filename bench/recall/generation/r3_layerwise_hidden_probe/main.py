"""Logit-lens run: sample continuations and keep every layer's last-position state per step."""
import torch

from generation import LayerProbeCollector, generate
from modeling import ModelConfig, TinyGPT


def run(prompts, cfg=None, **gen_kwargs):
    model = TinyGPT(cfg or ModelConfig()).eval()
    collector = LayerProbeCollector()
    sequences = generate(model, prompts, collector=collector, **gen_kwargs)
    return sequences, collector


def scenario():
    torch.manual_seed(3)
    g = torch.Generator().manual_seed(3)
    prompts = torch.randint(0, 2048, (6, 24), generator=g)
    _, collector = run(prompts, max_new_tokens=28, generator=g)
    return collector.per_layer


if __name__ == "__main__":
    print({k: len(v) for k, v in scenario().items()})
