import numpy as np

from rec_d import Stepd, make_d


def collect_d(n):
    kept = []
    for _ in range(n):
        obs = np.ones((64, 1024))
        kept.append(make_d(obs))
        kept.append(Stepd(obs[1]))
    return kept
