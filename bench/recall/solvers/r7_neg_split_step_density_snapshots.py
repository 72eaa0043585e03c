"""Split-step Fourier integration of the 1-D Schroedinger equation for a
harmonic trap, recording the probability density every few steps for an
animation.  The density is computed from a downsampled wave function
(`np.abs(psi[::stride]) ** 2`), a new small array per snapshot."""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Snapshots:
    times: list = field(default_factory=list)
    density: list = field(default_factory=list)


class TrapSolver:
    def __init__(self, n=1 << 18, length=200.0, dt=0.005, omega=0.05):
        self.x = np.linspace(-length / 2, length / 2, n, endpoint=False)
        dx = self.x[1] - self.x[0]
        self.k = 2 * np.pi * np.fft.fftfreq(n, d=dx)
        self.dt = dt
        self.potential = 0.5 * omega**2 * self.x**2

    @staticmethod
    def coherent_state(x, shift=20.0):
        psi = np.exp(-((x - shift) ** 2) / 8.0).astype(np.complex128)
        return psi / np.sqrt(np.sum(np.abs(psi) ** 2))

    def step(self, psi):
        psi = psi * np.exp(-0.5j * self.potential * self.dt)
        psi = np.fft.ifft(np.fft.fft(psi) * np.exp(-0.5j * self.k**2 * self.dt))
        return psi * np.exp(-0.5j * self.potential * self.dt)

    def run(self, n_steps=60, save_every=6, stride=64):
        psi = self.coherent_state(self.x)
        snaps = Snapshots()
        for it in range(1, n_steps + 1):
            psi = self.step(psi)
            if it % save_every == 0:
                snaps.times.append(it * self.dt)
                snaps.density.append(np.abs(psi[::stride]) ** 2)
        return snaps


def scenario():
    return TrapSolver().run()
