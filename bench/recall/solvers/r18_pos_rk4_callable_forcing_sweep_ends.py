"""Forcing-amplitude sweep of a chain of coupled damped oscillators, after
the small `RK4` integrator classes of physics-course and nonlinear-dynamics
code that are called like functions: `RK4(rhs, dt, n_steps)(y0, F)` fills a
preallocated `(n_state, n_steps + 1)` trajectory column by column inside a
`with np.errstate(over="raise", invalid="raise")` block so a blow-up stops
the run, and the sweep keeps the final state `traj[:, -1]` of each amplitude
for the response curve.  The column is a view of the whole trajectory, which
each call makes anew, so the response dict pins every run's trajectory."""
import numpy as np


class RK4:
    def __init__(self, rhs, dt, n_steps):
        self.rhs = rhs
        self.dt = dt
        self.n_steps = n_steps

    def __call__(self, y0, forcing):
        y = np.asarray(y0, dtype=float)
        traj = np.empty((y.size, self.n_steps + 1))
        traj[:, 0] = y
        h = self.dt
        with np.errstate(over="raise", invalid="raise"):
            for k in range(self.n_steps):
                t = k * h
                k1 = self.rhs(t, y, forcing)
                k2 = self.rhs(t + h / 2, y + h / 2 * k1, forcing)
                k3 = self.rhs(t + h / 2, y + h / 2 * k2, forcing)
                k4 = self.rhs(t + h, y + h * k3, forcing)
                y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
                traj[:, k + 1] = y
        return traj


def oscillator_chain(n_masses, stiffness=4.0, damping=0.05, omega=1.3):
    lap = (np.diag(np.full(n_masses, -2.0)) + np.diag(np.ones(n_masses - 1), 1)
           + np.diag(np.ones(n_masses - 1), -1))
    A = np.zeros((2 * n_masses, 2 * n_masses))
    A[:n_masses, n_masses:] = np.eye(n_masses)
    A[n_masses:, :n_masses] = stiffness * lap
    A[n_masses:, n_masses:] = -damping * np.eye(n_masses)
    drive = np.zeros(2 * n_masses)
    drive[n_masses] = 1.0

    def rhs(t, y, forcing):
        return A @ y + forcing * np.cos(omega * t) * drive

    return rhs


def sweep(n_masses=100, amplitudes=np.linspace(0.1, 2.0, 12), dt=0.02, n_steps=1500):
    integrate = RK4(oscillator_chain(n_masses), dt, n_steps)
    y0 = np.zeros(2 * n_masses)
    response = {}
    for forcing in amplitudes:
        traj = integrate(y0, forcing)
        response[round(float(forcing), 3)] = traj[:, -1]  # expect: VL002
    return response


def scenario():
    return sweep()
