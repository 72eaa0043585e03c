"""Nucleus (top-p) sampling with a key/value cache, in the shape of the small GPT re-implementations
whose attention layers return `present = (k, v)` and whose model hands back `past_key_values` as a
tuple of per-layer tuples, rebuilt with `torch.cat` at every step.  The sampler sorts the step's
probabilities (`torch.sort(...)`, read through `.values` / `.indices`), finds the nucleus size with
`torch.searchsorted` on the cumulative sum, and samples inside it.  For a diversity report it keeps
each step's nucleus, `sorted_probs[:, :n]` and its token ids: views of the step's whole sorted
(batch, vocab) tensors."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CachedAttention(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, layer_past=None):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        if layer_past is not None:
            past_k, past_v = layer_past
            k = torch.cat([past_k, k], dim=1)
            v = torch.cat([past_v, v], dim=1)
        att = torch.softmax(q @ k.transpose(1, 2) / k.size(-1) ** 0.5, dim=-1)
        return x + self.proj(att @ v), (k, v)


class TinyGPT(nn.Module):
    def __init__(self, vocab=16000, dim=64, n_layer=2):
        super().__init__()
        self.wte = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(CachedAttention(dim) for _ in range(n_layer))
        self.lm_head = nn.Linear(dim, vocab)

    def forward(self, input_ids, past_key_values=None):
        if past_key_values is None:
            past_key_values = tuple(None for _ in self.blocks)
        x = self.wte(input_ids)
        presents = ()
        for block, layer_past in zip(self.blocks, past_key_values):
            x, present = block(x, layer_past)
            presents = presents + (present,)
        return self.lm_head(x) * 4.0, presents


@torch.no_grad()
def sample(model, input_ids, max_new_tokens=64, top_p=0.8, temperature=0.7):
    past_key_values = None
    nuclei = []
    step_ids = input_ids
    for _ in range(max_new_tokens):
        logits, past_key_values = model(step_ids, past_key_values=past_key_values)
        probs = F.softmax(logits[:, -1, :] / temperature, dim=-1)
        ordered = torch.sort(probs, dim=-1, descending=True)
        sorted_probs, sorted_idx = ordered.values, ordered.indices
        cumulative = sorted_probs.cumsum(dim=-1)
        n = int(torch.searchsorted(cumulative, torch.full((cumulative.size(0), 1), top_p)).max()) + 1
        nuclei.append((sorted_idx[:, :n], sorted_probs[:, :n]))  # expect: VL002
        kept = sorted_probs[:, :n] / sorted_probs[:, :n].sum(dim=-1, keepdim=True)
        choice = torch.multinomial(kept, num_samples=1)
        step_ids = sorted_idx.gather(-1, choice)
        input_ids = torch.cat([input_ids, step_ids], dim=-1)
    return input_ids, nuclei


def scenario():
    torch.manual_seed(7)
    model = TinyGPT().eval()
    ids, nuclei = sample(model, torch.randint(0, 16000, (4, 20)))
    return ids, nuclei
