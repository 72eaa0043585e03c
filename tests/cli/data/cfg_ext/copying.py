# `mylib.shuffle_rows` is a copying function: `data = mylib.shuffle_rows(data)` rebinds `data`.
import numpy as np

import mylib


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :])
        data = mylib.shuffle_rows(data)
    return kept
