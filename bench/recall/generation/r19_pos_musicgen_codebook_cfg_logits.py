"""Multi-codebook audio-token generation with classifier-free guidance, in the shape of audiocraft's
`LMModel.generate` / `_sample_next_token` (MusicGen): the language model predicts K codebooks at once,
the conditional and unconditional halves of a doubled batch come back in one forward pass and are
split apart, and the guided logits of the last position are sampled with top-k.  A small per-codebook
monitor, as added in the forks that study how guidance sharpens each codebook, keeps the conditional
logits of the newest position of every codebook at every step."""
from dataclasses import dataclass, field
from typing import Dict, List

import torch
import torch.nn as nn


@dataclass
class LMConfig:
    n_q: int = 4
    card: int = 512
    dim: int = 128
    cfg_coef: float = 3.0
    top_k: int = 50


class CodebookLM(nn.Module):
    """Sums the K codebook embeddings per position and predicts K heads over the whole sequence."""

    def __init__(self, cfg: LMConfig):
        super().__init__()
        self.cfg = cfg
        self.emb = nn.ModuleList(nn.Embedding(cfg.card + 1, cfg.dim) for _ in range(cfg.n_q))
        self.mix = nn.Linear(cfg.dim, cfg.dim)
        self.linears = nn.ModuleList(nn.Linear(cfg.dim, cfg.card) for _ in range(cfg.n_q))

    def forward(self, codes, condition):
        x = sum(self.emb[k](codes[:, k]) for k in range(self.cfg.n_q)) + condition[:, None, :]
        x = torch.tanh(self.mix(x))
        # [B, K, T, card]
        return torch.stack([lin(x) for lin in self.linears], dim=1)


@dataclass
class GuidanceMonitor:
    per_codebook: Dict[int, List[torch.Tensor]] = field(default_factory=dict)

    def record(self, k, logits):
        self.per_codebook.setdefault(k, []).append(logits)


class Generator:
    def __init__(self, lm: CodebookLM, monitor: GuidanceMonitor):
        self.lm = lm
        self.cfg = lm.cfg
        self.monitor = monitor

    def _sample_next_token(self, codes, cond, null_cond):
        b = codes.shape[0]
        all_logits = self.lm(torch.cat([codes, codes], dim=0), torch.cat([cond, null_cond], dim=0))
        cond_logits, uncond_logits = all_logits.split(b, dim=0)
        for k in range(self.cfg.n_q):
            self.monitor.record(k, cond_logits[:, k, -1])  # expect: VL002
        logits = uncond_logits + (cond_logits - uncond_logits) * self.cfg.cfg_coef
        logits = logits[:, :, -1, :]
        top = torch.topk(logits, self.cfg.top_k, dim=-1)
        probs = torch.softmax(top.values, dim=-1)
        choice = torch.multinomial(probs.reshape(-1, self.cfg.top_k), 1).reshape(b, self.cfg.n_q, 1)
        return torch.gather(top.indices, -1, choice)

    @torch.no_grad()
    def generate(self, prompt, cond, max_gen_len):
        codes = prompt
        null_cond = torch.zeros_like(cond)
        for _ in range(max_gen_len):
            next_token = self._sample_next_token(codes, cond, null_cond)
            codes = torch.cat([codes, next_token], dim=2)
        return codes


def scenario():
    torch.manual_seed(0)
    cfg = LMConfig()
    lm = CodebookLM(cfg).eval()
    monitor = GuidanceMonitor()
    gen = Generator(lm, monitor)
    prompt = torch.randint(0, cfg.card, (2, cfg.n_q, 48))
    cond = torch.randn(2, cfg.dim)
    gen.generate(prompt, cond, max_gen_len=24)
    return monitor
