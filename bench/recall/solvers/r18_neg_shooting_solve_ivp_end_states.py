"""Shooting method for a method-of-lines reaction-diffusion problem, after
the `solve_ivp` shooting and parameter-identification scripts of numerical
methods courses: the source strength `s` that brings the mean concentration at
`t1` to a target is found by secant iterations, each shot integrating the
semi-discretised PDE with `t_eval=[t1]` so that only the end state is stored,
and every shot's end state `sol.y[:, -1]` is kept for the convergence report,
for a series of targets.  `sol.y[:, -1]` is a view, but of a `(n, 1)` array:
each shot keeps only what it shows."""
import numpy as np
from scipy.integrate import solve_ivp


def make_rhs(n, diffusivity=2e-6, decay=0.5):
    dx = 1.0 / (n + 1)
    x = np.linspace(dx, 1 - dx, n)
    profile = np.exp(-((x - 0.3) / 0.05) ** 2)

    def rhs(t, u, s):
        lap = np.empty_like(u)
        lap[1:-1] = u[2:] - 2 * u[1:-1] + u[:-2]
        lap[0] = u[1] - 2 * u[0]
        lap[-1] = u[-2] - 2 * u[-1]
        return diffusivity * lap / dx ** 2 - decay * u + s * profile

    return rhs


def shoot(rhs, u0, s, t1):
    sol = solve_ivp(rhs, (0.0, t1), u0, args=(s,), method="RK45",
                    t_eval=[t1], rtol=1e-6, atol=1e-9)
    return sol


def calibrate(targets=tuple(np.linspace(0.01, 0.12, 12)), n=2000, t1=0.5, tol=1e-8):
    rhs = make_rhs(n)
    u0 = np.zeros(n)
    report = {}
    for target in targets:
        s_prev, s = 0.5, 1.0
        f_prev = shoot(rhs, u0, s_prev, t1).y[:, -1].mean() - target
        shots = []
        for _ in range(20):
            sol = shoot(rhs, u0, s, t1)
            end = sol.y[:, -1]
            shots.append(end)
            f = end.mean() - target
            if abs(f) < tol:
                break
            s, s_prev, f_prev = s - f * (s - s_prev) / (f - f_prev), s, f
        report[target] = (s, shots)
    return report


def scenario():
    return calibrate()
