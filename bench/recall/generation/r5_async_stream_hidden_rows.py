"""An asyncio text-generation server: several requests are decoded concurrently with
`asyncio.gather`, each one a coroutine that yields to the event loop after every token.  A reward
model scores a response from the last hidden state of every generated position, so the request keeps
`hidden.squeeze(0)[-1].detach()` per step.  `squeeze`, the row and `detach` are all views, so each
kept row holds that step's whole (1, time, d_model) hidden-state buffer."""
import asyncio
from dataclasses import dataclass, field
from typing import List

import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, vocab=2048, d_model=1024):
        super().__init__()
        self.emb = nn.Embedding(vocab, d_model)
        self.ff = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, vocab)

    def forward(self, ids):
        h = self.emb(ids)
        h = h + torch.relu(self.ff(h))
        return h, self.out(h[:, -1])


@dataclass
class Request:
    request_id: str
    prompt: torch.Tensor
    max_tokens: int = 24
    tokens: List[int] = field(default_factory=list)
    reward_inputs: List[torch.Tensor] = field(default_factory=list)


class GenerationServer:
    def __init__(self, model):
        self.model = model.eval()
        self.lock = asyncio.Lock()

    async def _step(self, ids):
        async with self.lock:
            with torch.no_grad():
                return self.model(ids)

    async def handle(self, req: Request):
        ids = req.prompt.unsqueeze(0)
        for _ in range(req.max_tokens):
            hidden, logits = await self._step(ids)
            next_id = int(logits.argmax(-1))
            req.tokens.append(next_id)
            req.reward_inputs.append(hidden.squeeze(0)[-1].detach())  # expect: VL002
            ids = torch.cat([ids, torch.tensor([[next_id]])], dim=1)
            await asyncio.sleep(0)
        return req

    async def serve(self, requests):
        return await asyncio.gather(*(self.handle(r) for r in requests))


def scenario():
    torch.manual_seed(3)
    server = GenerationServer(Decoder())
    reqs = [Request(f"req-{i}", torch.randint(0, 2048, (96,))) for i in range(3)]
    done = asyncio.run(server.serve(reqs))
    return [(r.request_id, r.tokens, r.reward_inputs) for r in done]
