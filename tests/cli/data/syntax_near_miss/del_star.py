del a, *[b]
