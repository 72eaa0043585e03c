"""Logit-lens inspection of a small decoder during greedy decoding, written after interpretability
toolkits that ship a package whose `__init__.py` re-exports `greedy_decode` and a trace class: at
every step the hidden states of all layers (stacked, with a positional bias kept in a
`register_buffer`) go through the final norm and the output head, and the trace keeps, per step in a
dict, the last position's logits of the first sequence for every layer: `layer_logits[:, 0, -1]`, a
view of the step's whole (layers, batch, time, vocab) tensor."""
import torch
import torch.nn as nn

from lens import LayerTrace, greedy_decode


class TinyDecoder(nn.Module):
    def __init__(self, vocab=1500, dim=128, n_layers=4, max_len=256):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(nn.Linear(dim, dim) for _ in range(n_layers))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, vocab, bias=False)
        self.register_buffer("pos_bias", torch.linspace(0, 1, max_len).unsqueeze(-1))

    def hidden_states(self, ids):
        h = self.embed(ids) + self.pos_bias[: ids.shape[1]]
        states = []
        for block in self.blocks:
            h = h + torch.tanh(block(h))
            states.append(h)
        return torch.stack(states)

    def unembed(self, hidden):
        return self.head(self.norm(hidden))


def scenario():
    torch.manual_seed(0)
    model = TinyDecoder().eval()
    trace = LayerTrace(range(4))
    prompt = torch.randint(0, 1500, (2, 40))
    greedy_decode(model, prompt, steps=30, trace=trace)
    return trace.by_step
