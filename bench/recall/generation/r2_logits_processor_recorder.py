"""A hand-rolled sampling loop with Hugging Face style logits processors.  A recording
processor sits first in the list to keep the raw next-token scores for calibration."""
import torch
import torch.nn as nn


class LogitsProcessor:
    def __call__(self, input_ids, scores):
        raise NotImplementedError


class RawScoreRecorder(LogitsProcessor):
    def __init__(self):
        self.seen = []

    def __call__(self, input_ids, scores):
        self.seen.append(scores)  # expect: VL002
        return scores


class RepetitionPenalty(LogitsProcessor):
    def __init__(self, penalty=1.3):
        self.penalty = penalty

    def __call__(self, input_ids, scores):
        picked = torch.gather(scores, 1, input_ids)
        picked = torch.where(picked < 0, picked * self.penalty, picked / self.penalty)
        return scores.scatter(1, input_ids, picked)


class Temperature(LogitsProcessor):
    def __init__(self, t):
        self.t = t

    def __call__(self, input_ids, scores):
        return scores / self.t


class ProcessorList(list):
    def __call__(self, input_ids, scores):
        for proc in self:
            scores = proc(input_ids, scores)
        return scores


class CharLM(nn.Module):
    def __init__(self, vocab=2500, d=48):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.lstm = nn.LSTM(d, d, batch_first=True)
        self.proj = nn.Linear(d, vocab)

    def forward(self, ids):
        out, _ = self.lstm(self.emb(ids))
        return self.proj(out)


@torch.no_grad()
def sample(model, ids, processors, max_new_tokens=80):
    g = torch.Generator().manual_seed(0)
    for _ in range(max_new_tokens):
        logits = model(ids)
        scores = processors(ids, logits[:, -1, :])
        nxt = torch.multinomial(torch.softmax(scores, dim=-1), 1, generator=g)
        ids = torch.cat([ids, nxt], dim=-1)
    return ids


def scenario():
    torch.manual_seed(9)
    model = CharLM().eval()
    recorder = RawScoreRecorder()
    procs = ProcessorList([recorder, RepetitionPenalty(), Temperature(0.8)])
    sample(model, torch.randint(0, 2500, (2, 12)), procs)
    return recorder.seen


if __name__ == "__main__":
    print(len(scenario()))
