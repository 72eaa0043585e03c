"""Windowing utilities shared by training and evaluation."""


def sliding_windows(series, size, *, stride=None, drop_last=True):
    stride = stride or size
    stop = len(series) - size + 1 if drop_last else len(series)
    return [series[start:start + size] for start in range(0, stop, stride)]


def window_features(window):
    return window.mean(axis=0), window.std(axis=0)
