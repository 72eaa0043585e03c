"""Federated / sharded PCA of document embeddings, as in small federated-learning and LSA codebases:
each site centres its block of embeddings and runs `np.linalg.svd(..., full_matrices=False)`; the
coordinator keeps the top-k right singular vectors of every site (`vt[:k]`) in a dict keyed by
site, and merges them at the end.  `vt[:k]` is a view of the site's whole (r, dim) `vt`, so each
kept (k, dim) basis pins r / k times its size.  The sites come from a generator of (name, block)
pairs, unpacked in a `for ... in` over `map(local_svd, ...)` results."""
from typing import Dict, Iterator, Tuple

import numpy as np


def site_blocks(n_sites: int, n_docs: int = 400, dim: int = 768, seed: int = 0
                ) -> Iterator[Tuple[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    mixing = rng.standard_normal((32, dim))
    for s in range(n_sites):
        latent = rng.standard_normal((n_docs, 32))
        yield f"site-{s}", latent @ mixing + 0.1 * rng.standard_normal((n_docs, dim))


def local_svd(item: Tuple[str, np.ndarray]):
    name, block = item
    centred = block - block.mean(axis=0, keepdims=True)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return name, s, vt


def collect_bases(n_sites: int, k: int = 8) -> Dict[str, np.ndarray]:
    bases: Dict[str, np.ndarray] = {}
    spectra: Dict[str, float] = {}
    for name, s, vt in map(local_svd, site_blocks(n_sites)):
        bases[name] = vt[:k]  # expect: VL002
        spectra[name] = float(s[:k].sum() / s.sum())
    return bases


def merge_bases(bases: Dict[str, np.ndarray], k: int = 8) -> np.ndarray:
    stacked = np.concatenate(list(bases.values()), axis=0)
    _, _, vt = np.linalg.svd(stacked, full_matrices=False)
    return vt[:k].copy()


def scenario():
    bases = collect_bases(n_sites=6)
    merged = merge_bases(bases)
    return bases, merged
