"""A toy continuous-batching engine, in the shape of the nano-vLLM-style servers (a `Scheduler` with
waiting and running queues of `Sequence` objects, a `ModelRunner` that pads the running sequences into
one batch per step): requests that ask for hidden states (for a reward model scoring the reply
afterwards) get, at each decode step, the hidden state of their newest position, taken row by row from
the padded batch the runner returns."""
from collections import deque
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import List

import torch
import torch.nn as nn


class SequenceStatus(Enum):
    WAITING = auto()
    RUNNING = auto()
    FINISHED = auto()


@dataclass
class SamplingParams:
    max_tokens: int = 16
    temperature: float = 1.0
    return_hidden_states: bool = False


@dataclass
class Sequence:
    seq_id: int
    token_ids: List[int]
    params: SamplingParams
    status: SequenceStatus = SequenceStatus.WAITING
    num_prompt_tokens: int = 0
    hidden_states: list = field(default_factory=list)

    def __post_init__(self):
        self.num_prompt_tokens = len(self.token_ids)

    @property
    def num_completion_tokens(self):
        return len(self.token_ids) - self.num_prompt_tokens

    @property
    def is_done(self):
        return self.num_completion_tokens >= self.params.max_tokens


class TinyLM(nn.Module):
    def __init__(self, vocab=500, dim=192):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.block = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = self.embed(ids)
        h = h + self.block(h)
        return h, self.head(h)


class ModelRunner:
    def __init__(self, model, pad_id=0):
        self.model = model
        self.pad_id = pad_id

    @torch.no_grad()
    def run(self, seqs):
        width = max(len(s.token_ids) for s in seqs)
        ids = torch.full((len(seqs), width), self.pad_id, dtype=torch.long)
        for i, s in enumerate(seqs):
            ids[i, :len(s.token_ids)] = torch.tensor(s.token_ids)
        hidden, logits = self.model(ids)
        last = torch.tensor([len(s.token_ids) - 1 for s in seqs])
        next_logits = logits[torch.arange(len(seqs)), last]
        return hidden, next_logits


class Scheduler:
    def __init__(self, max_num_seqs=8):
        self.max_num_seqs = max_num_seqs
        self.waiting = deque()
        self.running: List[Sequence] = []

    def add(self, seq):
        self.waiting.append(seq)

    def schedule(self):
        while self.waiting and len(self.running) < self.max_num_seqs:
            seq = self.waiting.popleft()
            seq.status = SequenceStatus.RUNNING
            self.running.append(seq)
        return list(self.running)

    def postprocess(self, seqs):
        for seq in seqs:
            if seq.is_done:
                seq.status = SequenceStatus.FINISHED
                self.running.remove(seq)

    def is_finished(self):
        return not self.waiting and not self.running


class LLMEngine:
    def __init__(self, model):
        self.runner = ModelRunner(model)
        self.scheduler = Scheduler()
        self.finished: List[Sequence] = []

    def add_request(self, seq_id, prompt, params):
        self.scheduler.add(Sequence(seq_id, list(prompt), params))

    def step(self):
        seqs = self.scheduler.schedule()
        hidden, next_logits = self.runner.run(seqs)
        probs = torch.softmax(next_logits / 1.0, dim=-1)
        next_ids = torch.multinomial(probs, 1).squeeze(1).tolist()
        for seq, h, tok in zip(seqs, hidden, next_ids):
            if seq.params.return_hidden_states:
                seq.hidden_states.append(h[len(seq.token_ids) - 1])  # expect: VL002
            seq.token_ids.append(tok)
        self.scheduler.postprocess(seqs)
        self.finished.extend(s for s in seqs if s.status is SequenceStatus.FINISHED)

    def generate(self, prompts, params):
        for i, p in enumerate(prompts):
            self.add_request(i, p, params)
        while not self.scheduler.is_finished():
            self.step()
        return sorted(self.finished, key=lambda s: s.seq_id)


def scenario():
    torch.manual_seed(0)
    engine = LLMEngine(TinyLM().eval())
    prompts = [torch.randint(1, 500, (int(n),)).tolist() for n in torch.randint(96, 160, (12,))]
    return engine.generate(prompts, SamplingParams(max_tokens=12, return_hidden_states=True))
