"""Per-step tracing for interpretability dashboards: which source positions the newest
token attended to."""
from dataclasses import dataclass, field
from typing import List

import torch


@dataclass
class StepTrace:
    step: int
    token: int
    attention: torch.Tensor


@dataclass
class AttentionTracer:
    layer: int = 0
    steps: List[StepTrace] = field(default_factory=list)

    def record(self, step, token, attention_row):
        self.steps.append(StepTrace(step, token, attention_row))  # expect: VL002

    def heatmap(self):
        width = max(s.attention.size(-1) for s in self.steps)
        out = torch.zeros(len(self.steps), width)
        for i, s in enumerate(self.steps):
            out[i, : s.attention.size(-1)] = s.attention.mean(0)
        return out
