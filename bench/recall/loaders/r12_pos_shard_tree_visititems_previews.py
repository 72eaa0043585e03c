"""Dataset inspector for a feature store laid out as a tree (split / subject / session -> serialized
`.npy` blob), walked like `h5py.File.visititems`: a recursive `visititems(node, func)` calls
`func(name, leaf)` for every leaf, and the caller's closure decodes the blob with `np.load` and keeps
the first rows of every feature matrix as a preview for the report.  Written after HDF5 inspection
and preview scripts (`f.visititems(callback)` with a nested callback collecting `obj[()]` heads) in
data-loading tooling; the store is a nested dict of in-memory `.npy` blobs."""
import io

import numpy as np


def make_store(splits=("train", "val", "test"), subjects=4, sessions=3, rows=2048, dim=128, seed=0):
    rng = np.random.default_rng(seed)
    store = {}
    for split in splits:
        store[split] = {}
        for s in range(subjects):
            store[split][f"subj{s:02d}"] = {}
            for k in range(sessions):
                buf = io.BytesIO()
                np.save(buf, rng.standard_normal((rows, dim)).astype(np.float32))
                store[split][f"subj{s:02d}"][f"sess{k}"] = buf.getvalue()
    return store


def visititems(node, func, prefix=""):
    for key in sorted(node):
        child = node[key]
        name = f"{prefix}/{key}"
        if isinstance(child, dict):
            visititems(child, func, name)
        else:
            func(name, child)


def preview_store(store, head=4):
    previews = []

    def collect(name, blob):
        feats = np.load(io.BytesIO(blob))
        previews.append((name, feats[:head]))  # expect: VL002

    visititems(store, collect)
    return previews


def scenario():
    store = make_store()
    return preview_store(store)
