"""Beam search with a transformers-style `BeamHypotheses` container: at most `num_beams` finished
hypotheses are kept (the worst is evicted), each with its tokens as a list and the decoder state of its
last position cloned out of the step's batch (so the re-ranker does not keep every step's states)."""
import torch
import torch.nn as nn


class BeamHypotheses:
    def __init__(self, num_beams, length_penalty=1.0):
        self.num_beams = num_beams
        self.length_penalty = length_penalty
        self.beams = []
        self.worst_score = 1e9

    def __len__(self):
        return len(self.beams)

    def add(self, tokens, sum_logprobs, state):
        score = sum_logprobs / (len(tokens) ** self.length_penalty)
        if len(self) < self.num_beams or score > self.worst_score:
            self.beams.append((score, tokens, state))
            if len(self) > self.num_beams:
                sorted_scores = sorted((s, i) for i, (s, _, _) in enumerate(self.beams))
                del self.beams[sorted_scores[0][1]]
                self.worst_score = sorted_scores[1][0]
            else:
                self.worst_score = min(score, self.worst_score)


class Decoder(nn.Module):
    def __init__(self, vocab=4000, d=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.proj = nn.Linear(d, vocab)

    def forward(self, ids):
        h, _ = self.rnn(self.emb(ids))
        return self.proj(h), h


@torch.no_grad()
def beam_search(model, prompt, num_beams=6, max_len=30, eos_id=3):
    beams = prompt.repeat(num_beams, 1)
    beam_scores = torch.zeros(num_beams)
    beam_scores[1:] = -1e9
    hyps = BeamHypotheses(num_beams)
    for _ in range(max_len):
        logits, states = model(beams)
        logprobs = torch.log_softmax(logits[:, -1], dim=-1) + beam_scores[:, None]
        vocab = logprobs.size(-1)
        top_scores, top_idx = logprobs.view(-1).topk(2 * num_beams)
        next_beams, next_scores = [], []
        for score, flat in zip(top_scores.tolist(), top_idx.tolist()):
            b, tok = divmod(flat, vocab)
            if tok == eos_id:
                hyps.add(beams[b].tolist(), score, states[b, -1].clone())
                continue
            next_beams.append(torch.cat([beams[b], torch.tensor([tok])]))
            next_scores.append(score)
            if len(next_beams) == num_beams:
                break
        beams = torch.stack(next_beams)
        beam_scores = torch.tensor(next_scores)
    for b in range(num_beams):
        hyps.add(beams[b].tolist(), beam_scores[b].item(), states[b, -1].clone())
    return hyps


def scenario():
    torch.manual_seed(5)
    hyps = beam_search(Decoder().eval(), torch.randint(4, 4000, (1, 10)))
    return [(score, tokens, state) for score, tokens, state in hyps.beams]


if __name__ == "__main__":
    print(len(scenario()))
