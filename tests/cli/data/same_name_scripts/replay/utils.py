# Another script folder's helper of the same module name: returns a copy.


def head(frame):
    return frame[:4].copy()
