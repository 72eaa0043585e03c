import torch
import torch.nn as nn


class PatchEncoder(nn.Module):
    """ViT-like: image -> patch tokens (+ a prepended class token)."""

    def __init__(self, patch=4, dim=128):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls = nn.Parameter(torch.randn(1, 1, dim) * 0.02)
        self.mlp = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, dim), nn.GELU())

    def forward(self, images):
        tokens = self.proj(images).flatten(2).transpose(1, 2)
        tokens = torch.cat([self.cls.expand(tokens.size(0), -1, -1), tokens], dim=1)
        return self.mlp(tokens)


class FeatureExtractor:
    def __init__(self, model):
        self.model = model.eval()

    @torch.no_grad()
    def __call__(self, images):
        hidden = self.model(images)
        return {"last_hidden_state": hidden, "pooler_output": hidden[:, 0]}
