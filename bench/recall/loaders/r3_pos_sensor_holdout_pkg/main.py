"""Activity recognition preprocessing: windows of every shard feed the training statistics, and
the last window of each shard is held out for evaluation."""
from shards import ShardReader
from windows import sliding_windows, window_features


def build_splits(reader, size=250, stride=125):
    train_feats = []
    holdout = {}
    for name, series in reader:
        wins = sliding_windows(series, size, stride=stride)
        if not wins:
            continue
        for w in wins[:-1]:
            train_feats.append(window_features(w))
        holdout[name] = wins[-1]  # expect: VL002
    return train_feats, holdout


def scenario():
    reader = ShardReader([f"subject_{i:02d}" for i in range(8)])
    _, holdout = build_splits(reader)
    return holdout
