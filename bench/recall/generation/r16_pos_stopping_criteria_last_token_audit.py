"""Greedy decoding with Hugging Face-style stopping criteria, in the shape of the chat servers that
subclass `StoppingCriteria` with a `StopOnTokens` check and hand a `StoppingCriteriaList` to the
decoding loop: the list is itself callable and asks each criterion in turn with the growing
`input_ids`.  This criterion also keeps an audit trail of the token it looked at, `input_ids[0, -1:]`,
for the server's log.  The loop rebinds `input_ids` to `torch.cat([input_ids, next_tokens], -1)` at
every step, so each slice in the trail is a view of that step's whole (batch, length) id tensor."""
import torch
import torch.nn as nn


class StoppingCriteria:
    def __call__(self, input_ids, scores, **kwargs):
        raise NotImplementedError("StoppingCriteria needs to be subclassed")


class StoppingCriteriaList(list):
    def __call__(self, input_ids, scores, **kwargs):
        is_done = torch.zeros(input_ids.shape[0], dtype=torch.bool)
        for criteria in self:
            is_done = is_done | criteria(input_ids, scores, **kwargs)
        return is_done


class MaxLengthCriteria(StoppingCriteria):
    def __init__(self, max_length):
        self.max_length = max_length

    def __call__(self, input_ids, scores, **kwargs):
        done = input_ids.shape[-1] >= self.max_length
        return torch.full((input_ids.shape[0],), done, dtype=torch.bool)


class StopOnTokens(StoppingCriteria):
    def __init__(self, stop_token_ids):
        self.stop_token_ids = stop_token_ids
        self.seen = []

    def __call__(self, input_ids, scores, **kwargs):
        last = input_ids[0, -1:]
        self.seen.append(last)  # expect: VL001
        hit = any(int(last) == stop_id for stop_id in self.stop_token_ids)
        return torch.full((input_ids.shape[0],), hit, dtype=torch.bool)


class TinyLM(nn.Module):
    def __init__(self, vocab=512, dim=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, input_ids):
        h = self.embed(input_ids[:, -8:]).mean(dim=1)
        return self.head(h)


@torch.no_grad()
def greedy_search(model, input_ids, stopping_criteria, eos_token_id=None):
    unfinished = torch.ones(input_ids.shape[0], dtype=torch.long)
    while True:
        scores = model(input_ids)
        next_tokens = torch.argmax(scores, dim=-1)
        if eos_token_id is not None:
            next_tokens = next_tokens * unfinished + eos_token_id * (1 - unfinished)
        input_ids = torch.cat([input_ids, next_tokens[:, None]], dim=-1)
        unfinished = unfinished & ~stopping_criteria(input_ids, scores)
        if unfinished.max() == 0:
            break
    return input_ids


def scenario():
    torch.manual_seed(0)
    model = TinyLM().eval()
    prompt = torch.randint(0, 500, (32, 1024))
    stop = StopOnTokens([510, 511])
    criteria = StoppingCriteriaList([MaxLengthCriteria(1024 + 160), stop])
    out = greedy_search(model, prompt, criteria)
    return out[:, 1024:].clone(), stop
