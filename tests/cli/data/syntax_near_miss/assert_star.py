assert x, *[b]
