"""Allen-Cahn phase separation by the semi-implicit Fourier-spectral method, as in
phase-field scripts (`phi_hat = (phi_hat - dt * L * g_hat) / (1 + dt * kappa * L
* k2)`, `phi = np.real(np.fft.ifft2(phi_hat))`), run until the field stops
changing (`itertools.count()` with a tolerance and a step cap).  To watch the
domains coarsen, the field is cut into p x p tiles with an einops-style
reshape written by hand (`rearrange(u, '(h p1) (w p2) -> (h w) p1 p2')`), and
the tiles around a few probe points are kept at every output step.  The final
reshape of the transposed field is a copy, made anew at every output step: each
kept tile pins all the tiles of its step."""
import itertools

import numpy as np


def patchify(field, p):
    """(H, W) -> (H/p * W/p, p, p), as einops' rearrange would."""
    h, w = field.shape
    return field.reshape(h // p, p, w // p, p).transpose(0, 2, 1, 3).reshape(-1, p, p)


def wavenumbers(n, dx):
    k = 2 * np.pi * np.fft.fftfreq(n, d=dx)
    kx, ky = np.meshgrid(k, k, indexing="ij")
    return kx ** 2 + ky ** 2


def allen_cahn(n=512, dx=1.0, dt=0.2, kappa=1.0, mobility=1.0, p=16,
               probe_tiles=(0, 300, 517, 1023), out_every=5, tol=1e-6, max_steps=200,
               seed=0):
    rng = np.random.default_rng(seed)
    phi = 0.5 + 0.05 * (0.5 - rng.random((n, n)))
    k2 = wavenumbers(n, dx)
    probes = {t: [] for t in probe_tiles}
    for step in itertools.count():
        g = 2 * phi * (1 - phi) * (1 - 2 * phi)
        phi_hat = np.fft.fft2(phi)
        phi_hat = (phi_hat - dt * mobility * np.fft.fft2(g)) / (1 + dt * kappa * mobility * k2)
        new_phi = np.real(np.fft.ifft2(phi_hat))
        delta = np.abs(new_phi - phi).max()
        phi = new_phi
        if step % out_every == 0:
            tiles = patchify(phi, p)
            for t in probe_tiles:
                probes[t].append(tiles[t])  # expect: VL002
        if delta < tol or step >= max_steps:
            break
    return phi, probes


def scenario():
    return allen_cahn()[1]
