"""Greedy speculative decoding with a draft and a target model, in the shape of the standalone
PyTorch re-implementations of Leviathan et al. / Chen et al.: the draft proposes `k` tokens one at a
time, the target scores the whole sequence plus the proposal in one forward pass (no cache), and
the longest prefix on which both agree is accepted (`n_accept`, found with `cumprod` over the match
mask).  For a calibration plot, the target's distributions over the accepted positions are kept,
`target_logits[0, start:start + n_accept]`: a few rows of a (1, length, vocab) tensor the target
makes anew at each verification."""
import torch
import torch.nn as nn


class CausalLM(nn.Module):
    def __init__(self, vocab=8000, dim=48):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = self.embed(ids)
        h = torch.cumsum(h, dim=1) / torch.arange(1, ids.size(1) + 1).view(1, -1, 1)
        return self.head(torch.tanh(self.mix(h)))


class SpeculativeDecoder:
    def __init__(self, draft, target, k=4):
        self.draft = draft.eval()
        self.target = target.eval()
        self.k = k
        self.accepted_dists = []

    @torch.no_grad()
    def propose(self, ids):
        proposal = ids
        for _ in range(self.k):
            nxt = self.draft(proposal)[:, -1].argmax(dim=-1, keepdim=True)
            proposal = torch.cat([proposal, nxt], dim=1)
        return proposal[:, ids.size(1):]

    @torch.no_grad()
    def generate(self, ids, max_new_tokens=80):
        limit = ids.size(1) + max_new_tokens
        while ids.size(1) < limit:
            drafted = self.propose(ids)
            start = ids.size(1) - 1
            target_logits = self.target(torch.cat([ids, drafted], dim=1))
            verified = target_logits[:, start:start + self.k].argmax(dim=-1)
            n_accept = int((verified == drafted).int().cumprod(dim=1).sum())
            self.accepted_dists.append(target_logits[0, start:start + n_accept])  # expect: VL002
            bonus = target_logits[:, start + n_accept].argmax(dim=-1, keepdim=True)
            ids = torch.cat([ids, drafted[:, :n_accept], bonus], dim=1)
        return ids


def scenario():
    torch.manual_seed(3)
    target = CausalLM()
    draft = CausalLM()
    draft.load_state_dict(target.state_dict())
    with torch.no_grad():
        draft.mix.weight.add_(0.02 * torch.randn_like(draft.mix.weight))
    decoder = SpeculativeDecoder(draft, target)
    out = decoder.generate(torch.randint(0, 8000, (1, 48)))
    return out, decoder.accepted_dists
