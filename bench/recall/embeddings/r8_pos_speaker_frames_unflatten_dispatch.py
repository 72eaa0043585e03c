"""Speaker-embedding extraction over an audio corpus, as in small speech toolkits built around
`functools.singledispatch`: `encode` accepts either a raw (batch, samples) tensor or a dict batch
from a collate function, and the registered overloads run a frame encoder.  For a frame-level
index the extractor keeps one frame per window of each utterance: the (batch, frames, dim) hidden
states are cut with `unflatten(1, (-1, window))` and the first frame of every window is taken
(`[:, :, 0]`), a strided view that shows 1/window of the batch's hidden states and keeps them all."""
from functools import singledispatch
from typing import Dict, List

import torch
import torch.nn as nn


class FrameEncoder(nn.Module):
    def __init__(self, hop: int = 160, dim: int = 256):
        super().__init__()
        self.hop = hop
        self.conv = nn.Conv1d(1, dim, kernel_size=hop, stride=hop)
        self.proj = nn.Linear(dim, dim)

    def forward(self, wav: torch.Tensor) -> torch.Tensor:
        x = self.conv(wav.unsqueeze(1)).transpose(1, 2)                # (batch, frames, dim)
        return torch.tanh(self.proj(x))


@singledispatch
def encode(batch, model: FrameEncoder) -> torch.Tensor:
    raise TypeError(f"cannot encode {type(batch).__name__}")


@encode.register
def _(batch: torch.Tensor, model: FrameEncoder) -> torch.Tensor:
    return model(batch)


@encode.register
def _(batch: dict, model: FrameEncoder) -> torch.Tensor:
    return model(batch["wav"] * batch["gain"].unsqueeze(1))


class WindowedFrameIndex:
    def __init__(self, model: FrameEncoder, window: int = 20):
        self.model = model.eval()
        self.window = window
        self.frames: Dict[str, List[torch.Tensor]] = {}

    @torch.no_grad()
    def add_corpus(self, batches) -> None:
        for batch in batches:
            hidden = encode(batch, self.model)
            windows = hidden.unflatten(1, (-1, self.window))           # (batch, n_win, window, dim)
            for utt_id, per_window in zip(batch["ids"], windows[:, :, 0]):
                self.frames[utt_id] = per_window  # expect: VL002


def make_batches(n_batches: int, batch: int = 8, seconds: float = 4.0, rate: int = 16000):
    g = torch.Generator().manual_seed(0)
    n = int(seconds * rate)
    for b in range(n_batches):
        yield {"wav": torch.randn(batch, n, generator=g),
               "gain": torch.rand(batch, generator=g) + 0.5,
               "ids": [f"utt{b:03d}-{i}" for i in range(batch)]}


def scenario():
    torch.manual_seed(0)
    index = WindowedFrameIndex(FrameEncoder())
    index.add_corpus(make_batches(6))
    return index.frames
