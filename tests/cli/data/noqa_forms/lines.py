# Every `# noqa` form on a flagged line, and noqa comments on lines with nothing to suppress.
import numpy as np


def pick(data, n):
    a, b, c, d, e, f = [], [], [], [], [], []
    for i in range(n):
        a.append(data[i, :])  # noqa
        b.append(data[i, :])  # noqa: VL001
        c.append(data[i, :])  # noqa: VL001, VL003
        d.append(data[i, :])  # noqa: E501
        e.append(data[i, :])  # a view, on purpose  # NOQA:VL0
        f.append(data[i, :])
        unused_code = 1  # noqa: VL001
        blanket = 2  # noqa
        other_linter = 3  # noqa: E501
        mixed = 4  # noqa: E501, VL001
        data = np.delete(data, i, axis=0)
    return a, b, c, d, e, f
