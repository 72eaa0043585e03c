"""Split-step Fourier integration of the 1-D time-dependent Schroedinger
equation (a wave packet hitting a barrier), as in computational-physics course
code.  Every `save_every` steps the real part of the wave function is recorded,
downsampled for plotting (`psi.real[::stride]`), in a dataclass history whose
lists come from `field(default_factory=list)`."""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class History:
    times: list = field(default_factory=list)
    real_part: list = field(default_factory=list)
    norms: list = field(default_factory=list)


class SplitStepSolver:
    def __init__(self, n=1 << 18, length=400.0, dt=0.01, barrier=1.5):
        self.x = np.linspace(-length / 2, length / 2, n, endpoint=False)
        self.dx = self.x[1] - self.x[0]
        self.k = 2 * np.pi * np.fft.fftfreq(n, d=self.dx)
        self.dt = dt
        self.potential = np.where(np.abs(self.x) < 1.0, barrier, 0.0)

    @staticmethod
    def gaussian_packet(x, x0=-40.0, sigma=5.0, k0=2.0):
        psi = np.exp(-((x - x0) ** 2) / (4 * sigma**2) + 1j * k0 * x)
        return psi / np.sqrt(np.sum(np.abs(psi) ** 2))

    @staticmethod
    def half_potential_step(psi, potential, dt):
        return psi * np.exp(-0.5j * potential * dt)

    def step(self, psi):
        psi = self.half_potential_step(psi, self.potential, self.dt)
        psi_k = np.fft.fft(psi) * np.exp(-0.5j * self.k**2 * self.dt)
        psi = np.fft.ifft(psi_k)
        return self.half_potential_step(psi, self.potential, self.dt)

    def run(self, n_steps=60, save_every=6, stride=64):
        psi = self.gaussian_packet(self.x)
        history = History()
        for it in range(1, n_steps + 1):
            psi = self.step(psi)
            if it % save_every == 0:
                history.times.append(it * self.dt)
                history.real_part.append(psi.real[::stride])  # expect: VL001
                history.norms.append(float(np.sum(np.abs(psi) ** 2)))
        return history


def scenario():
    return SplitStepSolver().run()
