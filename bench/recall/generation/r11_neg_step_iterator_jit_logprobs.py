"""A sampling iterator for a local chat server, shaped like the `StreamIterator` classes that wrap a
model's step function: `__iter__` returns the object and `__next__` (under `@torch.no_grad()` as a
decorator) runs the model on the whole prefix, samples the next token and returns it with the step's
log-probabilities.  The normalisation is a TorchScript helper (`@torch.jit.script`) that applies
`log_softmax` to the last position: a new (batch, vocab) tensor, so the list of per-step
log-probabilities the caller keeps for scoring holds only what it shows, not the step's whole
(batch, time, vocab) logits."""
import torch
import torch.nn as nn


@torch.jit.script
def last_logprobs(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    return torch.log_softmax(logits[:, -1, :] / temperature, dim=-1)


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = torch.relu(self.proj(self.embed(ids).cumsum(dim=1)))
        return self.head(h)


class SamplingIterator:
    def __init__(self, model, input_ids, max_new_tokens=32, temperature=0.8):
        self.model = model
        self.ids = input_ids
        self.max_new_tokens = max_new_tokens
        self.temperature = temperature
        self.produced = 0

    def __iter__(self):
        return self

    @torch.no_grad()
    def __next__(self):
        if self.produced >= self.max_new_tokens:
            raise StopIteration
        logits = self.model(self.ids)
        logprobs = last_logprobs(logits, self.temperature)
        token = torch.multinomial(logprobs.exp(), num_samples=1)
        self.ids = torch.cat([self.ids, token], dim=1)
        self.produced += 1
        return token, logprobs


def sample_with_logprobs(model, prompt, max_new_tokens):
    tokens, step_logprobs = [], []
    for token, logprobs in SamplingIterator(model, prompt, max_new_tokens):
        tokens.append(token)
        step_logprobs.append(logprobs)
    chosen = [lp.gather(1, t) for lp, t in zip(step_logprobs, tokens)]
    return torch.cat(tokens, dim=1), step_logprobs, torch.cat(chosen, dim=1).sum(dim=1)


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 3000, (2, 48))
    _, kept, _ = sample_with_logprobs(model, prompt, max_new_tokens=32)
    return kept
