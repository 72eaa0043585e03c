# Formats test input: a file name that needs escaping (GitHub properties, SARIF URIs), and two
# findings on identical lines, told apart in fingerprints by their occurrence index.
import numpy as np


def scenario():
    data = np.zeros((64, 32))
    rows = []
    for _ in range(3):
        rows.append(data[0])  # expect: VL001
        data = np.delete(data, 0, axis=0)
    for _ in range(3):
        rows.append(data[0])  # expect: VL001
        data = np.delete(data, 0, axis=0)
    return rows
