"""Sampling a batch of continuations through `torch.distributions.Categorical`, in the shape of the
REINFORCE / RLHF-style fine-tuning scripts for small language models: each step builds
`Categorical(logits=...)` over the last position's logits, samples the next tokens with
`dist.sample()`, and keeps `dist.log_prob(tokens)` for the policy-gradient loss.  For a KL report
against the reference policy, the rollout also keeps the first sequence's normalised log-probabilities,
`dist.logits[0]`: one row of the (batch, vocab) tensor the distribution normalises anew at each step."""
import torch
import torch.nn as nn


class TinyPolicy(nn.Module):
    def __init__(self, vocab=24000, dim=64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = self.embed(ids).mean(dim=1, keepdim=True)
        return self.head(torch.tanh(self.mix(h)))


class Rollout:
    def __init__(self, policy, temperature=0.9):
        self.policy = policy
        self.temperature = temperature
        self.log_probs = []
        self.kl_rows = []

    @torch.no_grad()
    def run(self, prompts, steps=60):
        ids = prompts
        for _ in range(steps):
            logits = self.policy(ids)[:, -1, :]
            dist = torch.distributions.Categorical(logits=logits / self.temperature)
            tokens = dist.sample()
            self.log_probs.append(dist.log_prob(tokens))
            self.kl_rows.append(dist.logits[0])  # expect: VL002
            ids = torch.cat([ids, tokens.unsqueeze(1)], dim=1)
        return ids


def scenario():
    torch.manual_seed(0)
    policy = TinyPolicy().eval()
    rollout = Rollout(policy)
    ids = rollout.run(torch.randint(0, 24000, (16, 12)))
    return ids, rollout.log_probs, rollout.kl_rows
