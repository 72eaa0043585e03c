with a, *[b]:
    pass
