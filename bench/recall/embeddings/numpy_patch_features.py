"""Random-feature image descriptors in NumPy (a fixed random projection of 8x8 patches,
ReLU): keep the descriptor of the images a detector marked as interesting."""
import numpy as np


def extract_patches(images, size=8):
    n, h, w = images.shape
    p = images.reshape(n, h // size, size, w // size, size).transpose(0, 1, 3, 2, 4)
    return p.reshape(n, -1, size * size)


class RandomFeatures:
    def __init__(self, in_dim=64, out_dim=512, seed=0):
        self.W = np.random.default_rng(seed).standard_normal((in_dim, out_dim)) / 8.0

    def __call__(self, images):
        acts = np.maximum(extract_patches(images) @ self.W, 0.0)   # (n, patches, out_dim)
        return acts.mean(axis=1), acts


def scenario():
    rng = np.random.default_rng(3)
    feats = RandomFeatures()
    interesting = []
    for _ in range(40):
        images = rng.random((64, 32, 32))
        pooled, _ = feats(images)
        scores = pooled.sum(axis=1)
        for j in np.flatnonzero(scores > np.quantile(scores, 0.97)):
            interesting.append(pooled[j])  # expect: VL002
    return interesting


if __name__ == "__main__":
    print(len(scenario()))
