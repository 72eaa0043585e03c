import numpy as np


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :])
        data = np.delete(data, i, axis=0)
    return kept


LIMIT = 10  # noqa: VL001
