import numpy as np

from rec_c import Stepc, make_c


def collect_c(n):
    kept = []
    for _ in range(n):
        obs = np.ones((64, 1024))
        kept.append(make_c(obs))
        kept.append(Stepc(obs[1]))
    return kept
