"""Evaluate a (simulated) detector on a small validation set and keep the
true positives of every image for the error-analysis plots."""
import numpy as np

from matching import match_image


def fake_image(rng, n_gt=6, n_pred=12000):
    gts_xy = rng.uniform(0, 500, size=(n_gt, 2))
    gts = np.hstack([gts_xy, gts_xy + 60.0])
    xy = rng.uniform(0, 500, size=(n_pred, 2))
    jitter = rng.normal(0, 3, size=(n_gt, 2))
    xy[:n_gt] = gts_xy + jitter
    preds = np.hstack([xy, xy + 60.0, rng.uniform(0, 1, size=(n_pred, 1)),
                       rng.integers(0, 5, size=(n_pred, 1))])
    return preds, gts


def evaluate(n_images=24, seed=0):
    rng = np.random.default_rng(seed)
    per_image_tp = {}
    all_scores = []
    for img_id in range(n_images):
        preds, gts = fake_image(rng)
        tps, scores, flags = match_image(preds, gts)
        per_image_tp[img_id] = tps
        all_scores.append(int(flags.sum()))
    return per_image_tp, all_scores


def scenario():
    return evaluate()
