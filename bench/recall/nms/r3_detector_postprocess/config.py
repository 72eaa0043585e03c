"""Inference settings, as a detection project's config module holds them."""

DEFAULTS = {
    "score_thresh": 0.05,
    "nms_thresh": 0.5,
    "num_classes": 20,
    "anchors_per_image": 6000,
    "keep_best_per_class": True,
}


def load_config(**overrides):
    cfg = dict(DEFAULTS)
    cfg.update(overrides)
    return cfg
