"""Layer-wise probing of a sentence encoder, organised around an observer pattern as in small
interpretability toolkits: the encoder stacks the hidden states of all its layers into one
(layers, batch, seq, dim) tensor, and the runner publishes it to the subscribers of a
`"hidden_states"` event.  A probe collector (a dataclass whose per-layer lists come from
`field(default_factory=...)`) cuts the stack into layers with `torch.chunk` and keeps the first-token
row of the layers it probes.  `chunk`, `squeeze(0)` and `[:, 0]` are views, so each kept
(batch, dim) slice holds that batch's whole stacked tensor."""
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Sequence

import torch
import torch.nn as nn


class StackedEncoder(nn.Module):
    def __init__(self, vocab: int = 8000, dim: int = 256, layers: int = 4):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList(
            nn.TransformerEncoderLayer(dim, nhead=4, dim_feedforward=2 * dim, batch_first=True)
            for _ in range(layers)
        )

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids)
        states = []
        for layer in self.layers:
            x = layer(x)
            states.append(x)
        return torch.stack(states)                                      # (layers, batch, seq, dim)


class EventBus:
    def __init__(self):
        self._subscribers: Dict[str, List[Callable]] = defaultdict(list)

    def subscribe(self, event: str, callback: Callable) -> None:
        self._subscribers[event].append(callback)

    def publish(self, event: str, **payload) -> None:
        for callback in self._subscribers[event]:
            callback(**payload)


@dataclass
class ProbeCollector:
    layers: Sequence[int]
    n_layers: int
    features: Dict[int, List[torch.Tensor]] = field(default_factory=dict)
    labels: List[int] = field(default_factory=list)

    def __post_init__(self):
        for layer in self.layers:
            self.features[layer] = []

    def on_hidden_states(self, stack: torch.Tensor, labels: torch.Tensor) -> None:
        per_layer = stack.chunk(self.n_layers, dim=0)
        for layer in self.layers:
            self.features[layer].append(per_layer[layer].squeeze(0)[:, 0])  # expect: VL002
        self.labels.extend(labels.tolist())


class ProbingRunner:
    def __init__(self, model: nn.Module, bus: EventBus):
        self.model = model.eval()
        self.bus = bus

    @torch.no_grad()
    def run(self, batches):
        for ids, labels in batches:
            stack = self.model(ids)
            self.bus.publish("hidden_states", stack=stack, labels=labels)


def make_batches(n_batches: int, batch: int = 16, seq: int = 128, vocab: int = 8000):
    g = torch.Generator().manual_seed(3)
    for _ in range(n_batches):
        ids = torch.randint(0, vocab, (batch, seq), generator=g)
        yield ids, torch.randint(0, 2, (batch,), generator=g)


def scenario():
    torch.manual_seed(0)
    model = StackedEncoder()
    bus = EventBus()
    collector = ProbeCollector(layers=[1, 3], n_layers=4)
    bus.subscribe("hidden_states", collector.on_hidden_states)
    ProbingRunner(model, bus).run(make_batches(6))
    return collector.features, collector.labels
