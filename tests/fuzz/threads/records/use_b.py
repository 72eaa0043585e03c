import numpy as np

from rec_b import Stepb, make_b


def collect_b(n):
    kept = []
    for _ in range(n):
        obs = np.ones((64, 1024))
        kept.append(make_b(obs))
        kept.append(Stepb(obs[1]))
    return kept
