# `window` (imported from mylib) is a view function: the stored `window(data, i)` is a view of `data`.
import numpy as np

from mylib import window


def pick(data, n):
    keep = []
    for i in range(n):
        keep.append(window(data, i))
        data = np.delete(data, i, axis=0)
    return keep
