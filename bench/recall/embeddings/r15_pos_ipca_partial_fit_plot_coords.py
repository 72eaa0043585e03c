"""Out-of-core dimensionality reduction of image descriptors with scikit-learn's `IncrementalPCA`, in
the shape of the feature-visualisation scripts that cannot hold every descriptor at once: a first pass
calls `partial_fit` on each batch, a second pass projects each batch with `transform` and keeps the
first two components of the projection, `z[:, :2]`, for a scatter plot.  `transform` returns a new
(batch, n_components) array per batch; its first two columns are a view of all of it."""
import numpy as np
from sklearn.decomposition import IncrementalPCA


def descriptor_batches(n_batches=40, batch_size=1024, dim=256, seed=0):
    rng = np.random.default_rng(seed)
    mixing = rng.standard_normal((dim, dim)) / np.sqrt(dim)
    for _ in range(n_batches):
        yield rng.standard_normal((batch_size, dim)) @ mixing


class DescriptorProjector:
    def __init__(self, n_components=64):
        self.ipca = IncrementalPCA(n_components=n_components)
        self.coords = []

    def fit(self, batches):
        for feats in batches:
            self.ipca.partial_fit(feats)
        return self

    def project(self, batches):
        for feats in batches:
            z = self.ipca.transform(feats)
            self.coords.append(z[:, :2])  # expect: VL002
        return self.coords


def scenario():
    projector = DescriptorProjector().fit(descriptor_batches())
    return projector.project(descriptor_batches(seed=1))
