"""Method-of-lines integration of a 1-D reaction-diffusion system with a
stepper object that follows the iterator protocol: iterating yields (t, y)
after each accepted step.  An observer records a few state
components (the sensor points, a list of indices) for plotting."""
import itertools

import numpy as np


class RK2Stepper:
    def __init__(self, rhs, y0, t0=0.0, dt=1e-3, **rhs_kwargs):
        self.rhs = rhs
        self.y = np.asarray(y0, dtype=float)
        self.t = t0
        self.dt = dt
        self.rhs_kwargs = rhs_kwargs

    def __iter__(self):
        return self

    def __next__(self):
        k1 = self.rhs(self.t, self.y, **self.rhs_kwargs)
        k2 = self.rhs(self.t + self.dt, self.y + self.dt * k1, **self.rhs_kwargs)
        self.y = self.y + 0.5 * self.dt * (k1 + k2)
        self.t += self.dt
        if not np.all(np.isfinite(self.y)):
            raise StopIteration
        return self.t, self.y


def fisher_kpp(t, y, D=1.0, r=1.0, dx=0.1):
    lap = np.empty_like(y)
    lap[1:-1] = y[:-2] - 2 * y[1:-1] + y[2:]
    lap[0] = y[1] - y[0]
    lap[-1] = y[-2] - y[-1]
    return D * lap / dx ** 2 + r * y * (1 - y)


class SensorObserver:
    def __init__(self, sensor_idx=(0, 1, 2, 3), every=1):
        self.sensor_idx = list(sensor_idx)
        self.every = every
        self.times, self.values = [], []

    def __call__(self, step, t, y):
        if step % self.every == 0:
            self.times.append(t)
            self.values.append(y[self.sensor_idx])


def integrate(n_points=300000, n_steps=30, observer=None):
    x = np.linspace(0, 1, n_points)
    y0 = np.exp(-((x - 0.5) ** 2) / 0.01)
    stepper = RK2Stepper(fisher_kpp, y0, dt=1e-5, dx=1.0 / n_points, D=1e-9)
    for step, (t, y) in enumerate(itertools.islice(stepper, n_steps)):
        if observer is not None:
            observer(step, t, y)
    return stepper.y


def scenario():
    obs = SensorObserver()
    integrate(observer=obs)
    return obs.values
