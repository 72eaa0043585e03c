"""Five-fold cross-validation of a ridge model with per-fold standardisation: each fold fits the mean
and spread on its training rows, standardises the whole matrix anew (`Xs = (X - mu) / sd`), fits,
and keeps the ten validation rows with the largest error for a later error analysis.  The kept rows are
`Xs[val_idx][worst]`: both indexes are integer arrays from `KFold.split` and `argsort`, so each makes a
copy and the kept rows hold nothing of the fold's standardised matrix.  Written after scikit-learn
cross-validation loops (`for train_index, val_index in kf.split(X)`, `X[train_index], X[val_index]`)
that collect hard examples per fold."""
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold


def scenario(n=20_000, d=64, n_splits=5):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d))
    y = X @ rng.standard_normal(d) + rng.standard_normal(n)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=0)
    hard_rows, scores = [], []
    for fold, (train_idx, val_idx) in enumerate(kf.split(X)):
        mu = X[train_idx].mean(axis=0)
        sd = X[train_idx].std(axis=0)
        Xs = (X - mu) / sd
        model = Ridge(alpha=1.0).fit(Xs[train_idx], y[train_idx])
        pred = model.predict(Xs[val_idx])
        err = np.abs(pred - y[val_idx])
        worst = np.argsort(err)[-10:]
        hard_rows.append(Xs[val_idx][worst])
        scores.append(float(err.mean()))
    return hard_rows, scores
