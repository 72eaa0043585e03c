"""A step-by-step decoding iterator, shaped like the `StreamIterator` classes of local LLM servers and
`TextIteratorStreamer` consumers: `__iter__` returns the object, `__next__` (wrapped in
`@torch.no_grad()` as a decorator) runs the model on the whole prefix (no KV cache), picks the next
token and hands back `(token, scores)`, and raises `StopIteration` after `max_new_tokens`.  The last
position's logits are taken by a small TorchScript helper (`@torch.jit.script`) as engines of
research decoders do for their hot paths; it returns `logits[:, -1, :]`, a view of that step's whole
(batch, time, vocab) logits.  The caller keeps every step's scores to compute per-token entropies
after the stream ends."""
import torch
import torch.nn as nn


@torch.jit.script
def last_position(logits: torch.Tensor) -> torch.Tensor:
    return logits[:, -1, :]


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, dim=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = torch.relu(self.proj(self.embed(ids).cumsum(dim=1)))
        return self.head(h)


class StepIterator:
    def __init__(self, model, input_ids, max_new_tokens=32):
        self.model = model
        self.ids = input_ids
        self.max_new_tokens = max_new_tokens
        self.produced = 0

    def __iter__(self):
        return self

    @torch.no_grad()
    def __next__(self):
        if self.produced >= self.max_new_tokens:
            raise StopIteration
        logits = self.model(self.ids)
        scores = last_position(logits)
        token = scores.argmax(dim=-1, keepdim=True)
        self.ids = torch.cat([self.ids, token], dim=1)
        self.produced += 1
        return token, scores


def stream_with_scores(model, prompt, max_new_tokens):
    tokens, step_scores = [], []
    for token, scores in StepIterator(model, prompt, max_new_tokens):
        tokens.append(token)
        step_scores.append(scores)  # expect: VL002
    entropies = [torch.distributions.Categorical(logits=s).entropy() for s in step_scores]
    return torch.cat(tokens, dim=1), step_scores, entropies


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 3000, (2, 48))
    _, kept, _ = stream_with_scores(model, prompt, max_new_tokens=32)
    return kept
