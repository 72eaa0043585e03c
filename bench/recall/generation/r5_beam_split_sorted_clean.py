"""Beam search for a small seq2seq decoder: the (beams, vocab) log-probabilities of a step are cut into
one piece per beam with `tensor.split`, candidates are ranked with `sorted(..., key=...)`, and the
finished hypotheses keep their token ids as a list and their score as a float, and the per-step
log-probabilities of the kept beam through `.clone()`.  Nothing keeps a step's tensors alive."""
import torch
import torch.nn as nn


class StepDecoder(nn.Module):
    def __init__(self, vocab=6000, d=256):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRUCell(d, d)
        self.proj = nn.Linear(d, vocab)

    def forward(self, tokens, state):
        state = self.rnn(self.emb(tokens), state)
        return torch.log_softmax(self.proj(state), dim=-1), state


@torch.no_grad()
def beam_search(model, start_state, bos, eos, beam_size=4, max_len=30):
    beams = [([bos], 0.0, [])]
    state = start_state.expand(1, -1).contiguous()
    finished = []
    for _ in range(max_len):
        tokens = torch.tensor([b[0][-1] for b in beams])
        logp, new_state = model(tokens, state)
        candidates = []
        for b, row in enumerate(logp.split(1, dim=0)):
            seq, score, trace = beams[b]
            top_lp, top_ix = row.squeeze(0).topk(beam_size)
            for lp, ix in zip(top_lp.tolist(), top_ix.tolist()):
                candidates.append((seq + [ix], score + lp, trace + [row.clone()], b))
        candidates = sorted(candidates, key=lambda c: c[1], reverse=True)[:beam_size]
        beams, keep = [], []
        for seq, score, trace, b in candidates:
            if seq[-1] == eos:
                finished.append((seq, score, trace))
            else:
                beams.append((seq, score, trace))
                keep.append(b)
        if not beams:
            break
        state = new_state[torch.tensor(keep)]
    finished.extend(beams)
    return sorted(finished, key=lambda h: h[1] / len(h[0]), reverse=True)


def scenario():
    torch.manual_seed(5)
    model = StepDecoder().eval()
    hyps = beam_search(model, torch.zeros(256), bos=1, eos=2)
    return hyps[:2]
