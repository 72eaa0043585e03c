"""Runs a model over batches inside an ActivationCache and stacks what it recorded."""
import torch

from hooks import ActivationCache


class LayerFeatureExtractor:
    def __init__(self, model, layers, **cache_kwargs):
        self.model = model.eval()
        self.layers = layers
        self.cache_kwargs = cache_kwargs

    @torch.no_grad()
    def __call__(self, batches):
        with ActivationCache(self.model, self.layers, **self.cache_kwargs) as cache:
            for batch in batches:
                self.model(batch)
        return cache.store
