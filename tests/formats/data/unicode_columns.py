# Formats test input: non-ASCII text before the flagged view on its line, so the character
# columns that every format prints differ from byte columns; and a view spanning two lines.
import numpy as np


def scenario():
    données = np.zeros((64, 32))
    kept = []
    for _ in range(3):
        note = "é→ü"; kept.append(données[0])  # expect: VL001
        kept.append(données[  # expect: VL001
            1])
        données = np.delete(données, 0, axis=0)
    return kept, note
