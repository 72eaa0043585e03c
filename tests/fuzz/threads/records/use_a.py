import numpy as np

from rec_a import Stepa, make_a


def collect_a(n):
    kept = []
    for _ in range(n):
        obs = np.ones((64, 1024))
        kept.append(make_a(obs))
        kept.append(Stepa(obs[1]))
    return kept
