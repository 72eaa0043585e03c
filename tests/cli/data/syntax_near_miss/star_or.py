t = a, *[b] or c
