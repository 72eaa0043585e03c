"""Token-by-token generation with a recurrent (RNN / Mamba-style) language model, in the shape of the
minimal recurrent-LM re-implementations whose `step()` carries one hidden state instead of a key/value
cache: with a diagonal (Mamba-like) transition, `h = torch.tanh(decay * h + x)` is rebound at every
token, and the readout feeds the next sampled token.  For a probing study the decoder keeps the first
`probe_dim` channels of the state at every step, `h[:, :probe_dim]`: a column slice of the whole
(batch, hidden) state made anew per step."""
import torch
import torch.nn as nn


class RecurrentLM(nn.Module):
    def __init__(self, vocab=64, hidden=4096):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.decay = nn.Parameter(torch.rand(hidden))
        self.readout = nn.Linear(hidden, vocab)
        self.hidden = hidden

    def init_state(self, batch):
        return torch.zeros(batch, self.hidden)

    def step(self, tokens, h):
        h = torch.tanh(self.decay * h + self.embed(tokens))
        return self.readout(h), h


@torch.no_grad()
def generate(model, first_tokens, n_tokens=80, probe_dim=128):
    h = model.init_state(first_tokens.size(0))
    tokens = first_tokens
    out, probes = [], []
    for _ in range(n_tokens):
        logits, h = model.step(tokens, h)
        probes.append(h[:, :probe_dim])  # expect: VL001
        tokens = torch.multinomial(torch.softmax(logits, dim=-1), 1).squeeze(1)
        out.append(tokens)
    return torch.stack(out, dim=1), probes


def scenario():
    torch.manual_seed(1)
    model = RecurrentLM().eval()
    return generate(model, torch.randint(0, 64, (64,)))
