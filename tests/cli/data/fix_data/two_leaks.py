import numpy as np


def pick(data, n):
    kept, ends = [], []
    for i in range(n):
        kept.append(data[i, :])
        ends.append(data[:, i])
        data = np.delete(data, i, axis=0)
    return kept, ends
