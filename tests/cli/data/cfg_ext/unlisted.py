# Helpers the configuration does not list stay unknown: nothing to report.
import numpy as np

import otherlib


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :])
        data = otherlib.shuffle_rows(data)
    keep = []
    for i in range(n):
        keep.append(otherlib.window(data, i))
        data = np.delete(data, i, axis=0)
    return kept, keep
