"""Piecewise pharmacokinetic simulation with `scipy.integrate.odeint`, after
the multi-dose compartment models of PK/PD teaching code: the ODE is
integrated one dosing interval at a time on a fine output grid, the state at
the end of each interval gets the next dose added and starts the next
interval, and the trough state of every interval is kept for the report.
`odeint` returns the whole `(len(t), n)` trajectory, so `sol[-1]` is a row
view that keeps that interval's trajectory alive."""
import numpy as np
from scipy.integrate import odeint


def make_model(n_tissues, seed=3):
    rng = np.random.default_rng(seed)
    k_in = rng.uniform(0.05, 0.3, n_tissues)
    k_out = rng.uniform(0.02, 0.2, n_tissues)
    k_el = 0.15

    def rhs(y, t):
        central, tissue = y[0], y[1:]
        flow_in = k_in * central
        flow_out = k_out * tissue
        d_central = -k_el * central - flow_in.sum() + flow_out.sum()
        return np.concatenate([[d_central], flow_in - flow_out])

    return rhs


def simulate(n_tissues=39, n_doses=14, interval=12.0, points=4000, dose=100.0):
    rhs = make_model(n_tissues)
    y0 = np.zeros(n_tissues + 1)
    y0[0] = dose
    troughs = []
    t0 = 0.0
    for _ in range(n_doses):
        t = np.linspace(t0, t0 + interval, points)
        sol = odeint(rhs, y0, t, rtol=1e-6, atol=1e-9)
        troughs.append(sol[-1])  # expect: VL001
        y0 = sol[-1] + np.eye(n_tissues + 1)[0] * dose
        t0 += interval
    return troughs


def scenario():
    return simulate()
