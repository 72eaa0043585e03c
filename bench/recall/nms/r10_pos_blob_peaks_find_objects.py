"""Peak-based non-maximum suppression on a predicted density map, as in cell and
particle pickers and CenterNet-style keypoint decoders written with scipy.ndimage:
the local maxima of each heatmap (`maximum_filter(heat, size) == heat`, above a
threshold) are labelled with `ndimage.label`, and `ndimage.find_objects` gives one
tuple of slices per blob.  The crop `heat[sl]` around each blob is kept with its
score for a later review page.  Each heatmap is new per image (the model's
output), and a crop is a view: the crops of one image pin its whole heatmap."""
import numpy as np
from scipy import ndimage


def predict_heatmap(rng, size=640, n_cells=12, sigma=3.0):
    """Stand-in for the network: Gaussian blobs on a noisy background."""
    yy, xx = np.mgrid[0:size, 0:size]
    heat = 0.02 * rng.random((size, size))
    for cy, cx in rng.uniform(20, size - 20, size=(n_cells, 2)):
        heat += np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * sigma ** 2))
    return heat


def find_peaks(heat, neighborhood=9, threshold=0.5):
    local_max = ndimage.maximum_filter(heat, size=neighborhood) == heat
    peaks = local_max & (heat > threshold)
    # grow every single-pixel maximum into a small window before labelling
    grown = ndimage.binary_dilation(peaks, iterations=3)
    labeled, n = ndimage.label(grown)
    return ndimage.find_objects(labeled), n


def review_crops(heatmaps_source, n_images):
    gallery = []
    for image_id in range(n_images):
        heat = heatmaps_source()
        slices, n = find_peaks(heat)
        for sl in slices:
            if sl is None:
                continue
            score = float(heat[sl].max())
            gallery.append((image_id, score, heat[sl]))  # expect: VL002
    return gallery


def scenario():
    rng = np.random.default_rng(0)
    return review_crops(lambda: predict_heatmap(rng), n_images=20)
