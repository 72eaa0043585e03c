"""Greedy decoding that logs the top-k alternatives at each step, in the shape of the "show me what
else the model considered" helpers of interpretability and playground tools: each step takes the
log-softmax of the last position, asks `torch.topk` for the five best tokens of the first sequence,
and keeps the values tensor and the token ids as a list.  `topk` returns new tensors holding only
its k values, and `.tolist()` and `.item()` give Python values, so the log holds nothing of the
(batch, vocab) log-probabilities made at each step."""
import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=32000, dim=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, input_ids):
        h = self.embed(input_ids[:, -4:]).mean(dim=1, keepdim=True)
        return self.head(h)


class AlternativesLogger:
    def __init__(self, k=5):
        self.k = k
        self.steps = []

    def record(self, step, logprobs, chosen):
        top = torch.topk(logprobs[0], self.k)
        self.steps.append({
            "step": step,
            "values": top.values,
            "ids": top.indices.tolist(),
            "chosen": chosen[0].item(),
        })


@torch.no_grad()
def generate(model, input_ids, max_new_tokens, logger):
    for step in range(max_new_tokens):
        logits = model(input_ids)[:, -1, :]
        logprobs = torch.log_softmax(logits, dim=-1)
        next_tokens = logprobs.argmax(dim=-1)
        logger.record(step, logprobs, next_tokens)
        input_ids = torch.cat([input_ids, next_tokens[:, None]], dim=1)
    return input_ids


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    logger = AlternativesLogger()
    out = generate(model, torch.randint(0, 32000, (16, 10)), 120, logger)
    return out, logger.steps
