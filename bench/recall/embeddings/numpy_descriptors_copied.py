"""Keypoint descriptors in NumPy: a gradient histogram per image; the strongest few
descriptors of each image are copied out of the per-image matrix."""
import numpy as np


def describe(image, cells=16, bins=64):
    gy, gx = np.gradient(image)
    mag = np.hypot(gx, gy)
    ang = (np.arctan2(gy, gx) + np.pi) / (2 * np.pi) * (bins - 1)
    h, w = image.shape
    ch, cw = h // cells, w // cells
    desc = np.zeros((cells * cells, bins))
    for r in range(cells):
        for c in range(cells):
            a = ang[r * ch:(r + 1) * ch, c * cw:(c + 1) * cw].astype(int).ravel()
            m = mag[r * ch:(r + 1) * ch, c * cw:(c + 1) * cw].ravel()
            desc[r * cells + c] = np.bincount(a, weights=m, minlength=bins)
    return desc


def scenario():
    rng = np.random.default_rng(9)
    kept = []
    for _ in range(40):
        d = describe(rng.random((128, 128)))
        strength = d.sum(axis=1)
        top = np.argsort(strength)[-2:]
        kept.append(d[top[0]].copy())
        kept.append(d[top[1]].tolist())
    return kept


if __name__ == "__main__":
    print(len(scenario()))
