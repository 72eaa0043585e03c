from dataset import UtteranceChunks


def collate(chunks):
    import numpy as np
    return np.stack(chunks)


def scenario():
    ds = UtteranceChunks(range(16))
    for epoch in range(2):
        for start in range(0, len(ds), 4):
            collate([ds[i] for i in range(start, min(start + 4, len(ds)))])
    return ds.cache
