"""k-NN radii of a feature manifold, for the improved precision/recall metric of generative models
(Kynkaanniemi et al.): the reference features are split into row batches, each batch's distances to
all reference features come from `scipy.spatial.distance.cdist`, and the radius of each feature is
its k-th smallest distance, taken with `np.partition(d, k, axis=1)[:, k]`.  The per-batch radii are
appended to a list and concatenated once at the end.  Each kept radius column is a strided view of
that batch's whole partitioned (batch, n_ref) matrix.  Written after the NumPy ports of the metric's
`ManifoldEstimator` in evaluation code of diffusion and GAN repositories."""
import numpy as np
from scipy.spatial.distance import cdist


class ManifoldRadii:
    def __init__(self, k=3, row_batch_size=250):
        self.k = k
        self.row_batch_size = row_batch_size

    def radii(self, features):
        parts = []
        for start in range(0, len(features), self.row_batch_size):
            batch = features[start:start + self.row_batch_size]
            d = cdist(batch, features, metric="sqeuclidean")
            parts.append(np.partition(d, self.k, axis=1)[:, self.k])  # expect: VL002
        self.parts = parts
        return np.concatenate(parts)


def scenario():
    rng = np.random.default_rng(0)
    features = rng.standard_normal((3000, 64)).astype(np.float32)
    estimator = ManifoldRadii(k=3)
    estimator.radii(features)
    return estimator.parts
