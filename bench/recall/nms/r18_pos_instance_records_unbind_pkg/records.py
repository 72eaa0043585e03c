"""Immutable per-instance results, after the `@dataclass(frozen=True)`
Detection records that inference services hand from the model wrapper to the
tracker and the logger."""
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Instance:
    image_id: int
    label: int
    score: float
    box: tuple
    mask: torch.Tensor

    @property
    def area(self):
        return float((self.mask > 0.5).sum())
