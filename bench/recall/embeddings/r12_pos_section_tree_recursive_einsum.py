"""Hierarchical document embeddings, in the shape of tree-structured retrieval indexes (RAPTOR-style
summary trees, section trees of long PDFs): a document is a tree of `@dataclass` sections, each
holding its tokens' vectors and its child sections.  An indexer walks the tree recursively; at each
section it contextualises the tokens with one projection (`np.einsum("td,de->te", ...)`, a new
(tokens, dim) array per section) and keeps the first token's row, picked by a `@staticmethod`
helper, as the section's vector, keyed by its path in the tree.  Each kept row is a view of its
section's whole projected array."""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Section:
    title: str
    tokens: np.ndarray
    children: list = field(default_factory=list)


class TreeIndexer:
    def __init__(self, projection):
        self.projection = projection
        self.vectors = {}

    @staticmethod
    def first_token(states):
        return states[0]

    def index(self, section, path=()):
        path = path + (section.title,)
        states = np.tanh(np.einsum("td,de->te", section.tokens, self.projection))
        self.vectors[path] = self.first_token(states)  # expect: VL002
        for child in section.children:
            self.index(child, path)
        return self.vectors


def build_tree(rng, depth, fanout, n_tokens=400, dim=96, title="doc"):
    node = Section(title, rng.standard_normal((n_tokens, dim)).astype(np.float32))
    if depth > 0:
        node.children = [build_tree(rng, depth - 1, fanout, n_tokens, dim, f"{title}.{k}") for k in range(fanout)]
    return node


def scenario():
    rng = np.random.default_rng(0)
    projection = rng.standard_normal((96, 384)).astype(np.float32) / 10.0
    tree = build_tree(rng, depth=2, fanout=4)
    return TreeIndexer(projection).index(tree)
