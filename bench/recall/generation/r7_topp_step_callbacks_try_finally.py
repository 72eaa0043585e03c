"""Nucleus (top-p) sampling from a small decoder-only LM without a KV cache: the whole prefix is re-run
at every step.  Generation callbacks in the style of training-loop callbacks (`on_step`, `on_end`)
watch the decoding; a `LogitLensRecorder` keeps the last position's logits of every step as
`logits[:, -1:]` for a later entropy plot.  The step body runs inside `try`/`except`/`finally` so that
a sampling error stops only this request and the callbacks always see the step.  The `-1:` slice is a
view, so each kept (batch, 1, vocab) slice holds the step's whole (batch, time, vocab) logits."""
from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalConvLM(nn.Module):
    def __init__(self, vocab: int = 4000, dim: int = 128):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.conv = nn.Conv1d(dim, dim, kernel_size=4, padding=3)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids).transpose(1, 2)
        x = F.gelu(self.conv(x)[..., : ids.size(1)]).transpose(1, 2)
        return self.head(x)                                             # (batch, time, vocab)


class GenerationCallback:
    def on_step(self, step: int, logits: torch.Tensor, next_ids: torch.Tensor) -> None:
        pass

    def on_end(self, ids: torch.Tensor) -> None:
        pass


class LogitLensRecorder(GenerationCallback):
    def __init__(self):
        self.steps: List[torch.Tensor] = []

    def on_step(self, step, logits, next_ids):
        self.steps.append(logits[:, -1:])  # expect: VL002


class TokenCounter(GenerationCallback):
    def __init__(self):
        self.count = 0

    def on_step(self, step, logits, next_ids):
        self.count += next_ids.numel()


def top_p_filter(logits: torch.Tensor, top_p: float) -> torch.Tensor:
    sorted_logits, order = torch.sort(logits, descending=True, dim=-1)
    cum = torch.softmax(sorted_logits, dim=-1).cumsum(dim=-1)
    remove = cum > top_p
    remove[..., 1:] = remove[..., :-1].clone()
    remove[..., 0] = False
    mask = remove.scatter(-1, order, remove)
    return logits.masked_fill(mask, float("-inf"))


@torch.no_grad()
def sample(model: nn.Module, prompt: torch.Tensor, max_new_tokens: int, top_p: float = 0.9,
           callbacks: Optional[List[GenerationCallback]] = None) -> torch.Tensor:
    callbacks = callbacks or []
    ids = prompt
    for step in range(max_new_tokens):
        logits = None
        next_ids = None
        try:
            logits = model(ids)
            filtered = top_p_filter(logits[:, -1, :], top_p)
            next_ids = torch.multinomial(torch.softmax(filtered, dim=-1), 1)
            ids = torch.cat([ids, next_ids], dim=1)
        except RuntimeError:
            break
        finally:
            if logits is not None and next_ids is not None:
                for cb in callbacks:
                    cb.on_step(step, logits, next_ids)
    for cb in callbacks:
        cb.on_end(ids)
    return ids


def scenario():
    torch.manual_seed(0)
    model = CausalConvLM().eval()
    recorder, counter = LogitLensRecorder(), TokenCounter()
    prompt = torch.randint(0, 4000, (2, 16))
    out = sample(model, prompt, max_new_tokens=40, callbacks=[recorder, counter])
    return out, recorder.steps, counter.count
