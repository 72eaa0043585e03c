"""Speculative sampling with a small draft model and a larger target model (Leviathan et al.
style).  The draft distributions of every proposed token are kept in a history dict so the
acceptance rate per position can be plotted after the run."""
import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=3000, width=32, depth=1):
        super().__init__()
        self.embed = nn.Embedding(vocab, width)
        self.body = nn.Sequential(*[nn.Sequential(nn.Linear(width, width), nn.Tanh()) for _ in range(depth)])
        self.head = nn.Linear(width, vocab)

    def forward(self, ids):
        h = self.embed(ids).cumsum(dim=1)
        return self.head(self.body(h))


def sample(probs, generator):
    return torch.multinomial(probs, 1, generator=generator)


@torch.no_grad()
def speculative_generate(draft, target, prompt, max_len=96, gamma=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    seq = prompt
    history = {"draft": [], "accepted": []}
    while seq.size(1) < max_len:
        proposal = seq
        for _ in range(gamma):
            q = torch.softmax(draft(proposal), dim=-1)          # (1, t, vocab)
            history["draft"].append(q[:, -1])  # expect: VL002
            proposal = torch.cat([proposal, sample(q[:, -1], g)], dim=1)
        p = torch.softmax(target(proposal), dim=-1)
        n_prev = seq.size(1)
        accepted = 0
        for i in range(gamma):
            tok = proposal[0, n_prev + i]
            q_i = history["draft"][-gamma + i][0, tok]
            p_i = p[0, n_prev + i - 1, tok]
            if torch.rand(1, generator=g).item() < min(1.0, (p_i / q_i).item()):
                accepted += 1
            else:
                break
        else:
            accepted = gamma
        history["accepted"].append(accepted)
        seq = proposal[:, : n_prev + accepted]
        seq = torch.cat([seq, sample(p[:, n_prev + accepted - 1], g)], dim=1)
    return seq, history


def scenario():
    torch.manual_seed(11)
    draft = TinyLM(depth=1).eval()
    target = TinyLM(depth=3).eval()
    prompt = torch.randint(0, 3000, (1, 6))
    _, history = speculative_generate(draft, target, prompt)
    return history


if __name__ == "__main__":
    h = scenario()
    print(len(h["draft"]), sum(h["accepted"]))
