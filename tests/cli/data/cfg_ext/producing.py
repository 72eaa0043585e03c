# `mylib.load_batch(...)` makes an array (it is given one, so unlisted it could return a view of it),
# so `data * 2` rebinds it to a new one.
import numpy as np

import mylib


def pick(n):
    data = mylib.load_batch(np.arange(n))
    keep = []
    for i in range(n):
        keep.append(data[i, :])
        data = data * 2
    return keep
