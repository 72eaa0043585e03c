"""Particles in a rotating harmonic trap, integrated with RK4; a handful of
tracer particles are recorded every step for the trajectory plot."""
import numpy as np

from integrators import rk4_step


class TrapSimulation:
    def __init__(self, n_particles, omega=1.0, rotation=0.3, seed=0):
        rng = np.random.default_rng(seed)
        pos = rng.normal(0, 1, size=(n_particles, 3))
        vel = rng.normal(0, 0.1, size=(n_particles, 3))
        self.state = np.concatenate([pos, vel], axis=1)     # (N, 6)
        self.omega2 = omega ** 2
        self.rotation = rotation
        self.t = 0.0
        self.tracers = {}

    def rhs(self, t, y):
        pos, vel = y[:, :3], y[:, 3:]
        acc = -self.omega2 * pos
        acc[:, 0] += 2 * self.rotation * vel[:, 1]
        acc[:, 1] -= 2 * self.rotation * vel[:, 0]
        return np.concatenate([vel, acc], axis=1)

    def run(self, n_steps, dt=0.01, tracer_ids=(0, 1, 2)):
        for tid in tracer_ids:
            self.tracers[tid] = []
        for _ in range(n_steps):
            self.state = rk4_step(self.rhs, self.t, self.state, dt)
            self.t += dt
            for tid in tracer_ids:
                self.tracers[tid].append(self.state[tid])  # expect: VL001
        return self.tracers


def scenario():
    sim = TrapSimulation(n_particles=3000)
    return sim.run(n_steps=60)
