# A syntax error (reported in every format, as Ruff reports one: no code, "SyntaxError: ...") before a
# leak that is still found: the analysis goes on around the error.
import numpy as np


def broken(:
    pass


def keep(data):
    kept = []
    for i in range(10):
        kept.append(data[i])  # noqa: VL001 -- suppressed; the syntax error above never is
        data = np.delete(data, i, axis=0)
    return kept
