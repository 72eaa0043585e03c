"""Logit-lens decoding helpers: the package re-exports its public names, as such packages do."""
from .decode import greedy_decode
from .trace import LayerTrace

__all__ = ["greedy_decode", "LayerTrace"]
