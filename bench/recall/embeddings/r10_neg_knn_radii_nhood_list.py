"""k-NN radii of a feature manifold for the improved precision/recall metric, several neighbourhood
sizes at once, as the metric's reference `ManifoldEstimator` computes them: each row batch's
distances to all reference features come from `scipy.spatial.distance.cdist`, are partitioned up to
the largest k, and the columns of the neighbourhood sizes are picked with a list
(`[:, self.nhood_sizes]`), which copies them out; the per-batch radii are kept in a list and
concatenated at the end.  Written after the NumPy ports of the metric in evaluation code of
diffusion and GAN repositories."""
import numpy as np
from scipy.spatial.distance import cdist


class ManifoldRadii:
    def __init__(self, nhood_sizes=(3,), row_batch_size=250):
        self.nhood_sizes = list(nhood_sizes)
        self.row_batch_size = row_batch_size

    def radii(self, features):
        seq = np.arange(max(self.nhood_sizes) + 1)
        parts = []
        for start in range(0, len(features), self.row_batch_size):
            batch = features[start:start + self.row_batch_size]
            d = cdist(batch, features, metric="sqeuclidean")
            parts.append(np.partition(d, seq, axis=1)[:, self.nhood_sizes])
        self.parts = parts
        return np.concatenate(parts)


def scenario():
    rng = np.random.default_rng(0)
    features = rng.standard_normal((3000, 64)).astype(np.float32)
    estimator = ManifoldRadii(nhood_sizes=(3, 5))
    estimator.radii(features)
    return estimator.parts
