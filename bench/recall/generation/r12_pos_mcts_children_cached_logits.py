"""Monte Carlo tree search over a language model's continuations, in the shape of the MCTS
reasoning-search projects built on causal LMs: a node class holds its token ids, its parent and a
list of children, `expand()` adds the top-k continuations, a recursive `rollout` descends the tree.
To save a forward pass when a child is expanded later, each child caches the logits of its own next
position (`out[0, -1]`) as it is created.  The language model subclasses a base LM and calls
`super().forward(...)` before scaling by a temperature; the root comes from a `@classmethod`.
Every cached row is a view of one child's whole (1, time, vocab) logits."""
import torch
import torch.nn as nn


class BaseLM(nn.Module):
    def __init__(self, vocab=4000, dim=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        h = torch.tanh(self.mix(self.embed(ids).cumsum(dim=1)))
        return self.head(h)


class TemperedLM(BaseLM):
    def __init__(self, temperature=0.7, **kwargs):
        super().__init__(**kwargs)
        self.temperature = temperature

    def forward(self, ids):
        return super().forward(ids) / self.temperature


class MCTSNode:
    def __init__(self, input_ids, parent=None, action=None, next_logits=None):
        self.input_ids = input_ids
        self.parent = parent
        self.action = action
        self.next_logits = next_logits
        self.children = []
        self.visit_count = 0
        self.value_sum = 0.0

    @classmethod
    def root(cls, model, prompt):
        with torch.no_grad():
            out = model(prompt)
        return cls(prompt, next_logits=out[0, -1].clone())

    def is_leaf(self):
        return len(self.children) == 0

    @torch.no_grad()
    def expand(self, model, beam_size=3):
        top = torch.topk(self.next_logits, beam_size)
        for token in top.indices.tolist():
            child_ids = torch.cat([self.input_ids, torch.tensor([[token]])], dim=1)
            out = model(child_ids)
            self.children.append(MCTSNode(child_ids, parent=self, action=token, next_logits=out[0, -1]))  # expect: VL002


def rollout(node, model, depth):
    node.visit_count += 1
    if depth == 0:
        return
    if node.is_leaf():
        node.expand(model)
    for child in node.children:
        rollout(child, model, depth - 1)


def scenario():
    torch.manual_seed(0)
    model = TemperedLM().eval()
    prompt = torch.randint(0, 4000, (1, 40))
    root = MCTSNode.root(model, prompt)
    rollout(root, model, depth=3)
    return root
