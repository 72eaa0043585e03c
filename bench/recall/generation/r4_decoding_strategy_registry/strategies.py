"""Decoding strategies registered by name, the way search modules of seq2seq toolkits expose
"greedy", "sample" and "top_k" to a command line flag."""
import torch

STRATEGIES = {}


def register_strategy(name):
    def wrap(fn):
        STRATEGIES[name] = fn
        return fn
    return wrap


@register_strategy("greedy")
def greedy(step_logits, temperature=1.0, top_k=0):
    return step_logits.argmax(dim=-1, keepdim=True)


@register_strategy("sample")
def sample(step_logits, temperature=1.0, top_k=0):
    probs = torch.softmax(step_logits / max(temperature, 1e-5), dim=-1)
    return torch.multinomial(probs, num_samples=1)


@register_strategy("top_k")
def top_k_sample(step_logits, temperature=1.0, top_k=50):
    values, indices = torch.topk(step_logits / max(temperature, 1e-5), top_k, dim=-1)
    choice = torch.multinomial(torch.softmax(values, dim=-1), num_samples=1)
    return indices.gather(-1, choice)
