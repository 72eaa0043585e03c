"""Piecewise integration of a chain of coupled oscillators with dosing events
between segments (each segment restarts solve_ivp from the last state)."""
import numpy as np
from scipy.integrate import solve_ivp


def make_rhs(n, k=1.0, c=0.05):
    def rhs(t, y):
        x, v = y[:n], y[n:]
        a = np.zeros(n)
        a[1:-1] = k * (x[2:] - 2 * x[1:-1] + x[:-2])
        a[0] = k * (x[1] - 2 * x[0])
        a[-1] = k * (x[-2] - 2 * x[-1])
        return np.concatenate([v, a - c * v])
    return rhs


def simulate(n=40, n_segments=12, seg_len=20.0, points_per_segment=1500):
    rhs = make_rhs(n)
    y0 = np.zeros(2 * n)
    y0[0] = 1.0
    t0 = 0.0
    segment_ends = []
    for seg in range(n_segments):
        t_eval = np.linspace(t0, t0 + seg_len, points_per_segment)
        sol = solve_ivp(rhs, (t0, t0 + seg_len), y0, t_eval=t_eval, rtol=1e-6)
        segment_ends.append(sol.y[:, -1])  # expect: VL002
        y0 = sol.y[:, -1].copy()
        y0[n] += 0.5          # a kick at the start of the next segment
        t0 += seg_len
    return segment_ends


def scenario():
    return simulate()
