"""Autoregressive multi-step forecast of a multivariate series with a linear AR model in
NumPy: each prediction is pushed into the sliding input window and read back from it."""
import numpy as np


def fit_ar(series, window):
    X = np.stack([series[i:i + window].ravel() for i in range(len(series) - window)])
    Y = series[window:]
    coef, *_ = np.linalg.lstsq(X, Y, rcond=None)
    return coef


def forecast(coef, history, horizon):
    window = history.copy()
    predictions = []
    for _ in range(horizon):
        nxt = window.ravel() @ coef
        window = np.vstack([window[1:], nxt[None, :]])
        predictions.append(window[-1])  # expect: VL001
    return predictions


def scenario():
    rng = np.random.default_rng(5)
    t = np.arange(600)[:, None]
    series = np.sin(t / 20.0 + np.arange(32)) + 0.05 * rng.standard_normal((600, 32))
    coef = fit_ar(series[:300], 64) * 0.5
    return forecast(coef, series[-64:], 500)


if __name__ == "__main__":
    print(len(scenario()))
