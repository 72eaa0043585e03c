# `mylib.load_batch()` makes an array, so `data * 2` rebinds it to a new one.
import mylib


def pick(n):
    data = mylib.load_batch()
    keep = []
    for i in range(n):
        keep.append(data[i, :])
        data = data * 2
    return keep
