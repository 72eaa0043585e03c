"""A sampling `Generator` built from a config dict (temperature, top-p, which request to debug), as
small inference servers do.  For the debugged request, the full next-token log-probability vector of
each step is kept so the UI can show alternatives; warm-up steps are skipped."""
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F

DEFAULT_CONFIG = {"temperature": 0.9, "top_p": 0.92, "max_new_tokens": 40, "debug_request": 0, "warmup": 2}


def top_p_mask(logits, top_p):
    sorted_logits, sorted_idx = torch.sort(logits, descending=True, dim=-1)
    cum = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    remove = cum > top_p
    remove[..., 1:] = remove[..., :-1].clone()
    remove[..., 0] = False
    return logits.masked_fill(remove.scatter(-1, sorted_idx, remove), float("-inf"))


class Sampler:
    def __init__(self, temperature=1.0, top_p=1.0, seed=0):
        self.temperature = temperature
        self.warp = functools.partial(top_p_mask, top_p=top_p) if top_p < 1.0 else (lambda x: x)
        self.gen = torch.Generator().manual_seed(seed)

    @classmethod
    def from_config(cls, cfg, **overrides):
        kwargs = {"temperature": cfg.get("temperature", 1.0), "top_p": cfg.get("top_p", 1.0)}
        kwargs.update(overrides)
        return cls(**kwargs)

    def __call__(self, logprobs):
        probs = self.warp(logprobs).softmax(dim=-1)
        return torch.multinomial(probs, 1, generator=self.gen)


class GRULanguageModel(nn.Module):
    def __init__(self, vocab=6000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, vocab)

    def forward(self, tokens, state=None):
        h, state = self.rnn(self.emb(tokens), state)
        return self.out(h[:, -1]), state


class Generator:
    def __init__(self, model, config=None):
        self.model = model
        self.config = {**DEFAULT_CONFIG, **(config or {})}
        self.sampler = Sampler.from_config(self.config, seed=1)
        self.debug_logprobs = []

    @torch.no_grad()
    def run(self, prompts, eos_id=None):
        cfg = self.config
        logits, state = self.model(prompts)
        tokens = [prompts]
        for step in range(cfg["max_new_tokens"]):
            logprobs = F.log_softmax(logits / cfg["temperature"], dim=-1)
            nxt = self.sampler(logprobs)
            tokens.append(nxt)
            if eos_id is not None and bool((nxt == eos_id).all()):
                break
            logits, state = self.model(nxt, state)
            if step < cfg["warmup"]:
                continue
            self.debug_logprobs.append(logprobs[cfg["debug_request"]])  # expect: VL002
        return torch.cat(tokens, dim=1)


def scenario():
    torch.manual_seed(2)
    gen = Generator(GRULanguageModel().eval(), {"top_p": 0.9})
    gen.run(torch.randint(0, 6000, (24, 8)))
    return gen.debug_logprobs


if __name__ == "__main__":
    print(len(scenario()))
