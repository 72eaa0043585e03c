# A file with a syntax error before a leak: the error does not stop the analysis.
import numpy as np

def broken(:
    pass

def scenario():
    data = np.zeros((100, 64))
    kept = []
    for i in range(10):
        kept.append(data[i])
        data = np.delete(data, i, axis=0)
    return kept
