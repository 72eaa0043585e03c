"""2-D acoustic wave equation with PyTorch: the Laplacian is a 3x3 convolution
(`F.conv2d` on a (1, 1, H, W) field), leapfrog time stepping under
`torch.inference_mode()`, a Ricker source injected at one point, and a receiver
column recorded every few steps by another module."""
import math

import torch
import torch.nn.functional as F

import receivers

LAPLACE = torch.tensor([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]).view(1, 1, 3, 3)


def ricker(t, f0=8.0, t0=0.12):
    a = (math.pi * f0 * (t - t0)) ** 2
    return (1 - 2 * a) * math.exp(-a)


def simulate(h=512, w=512, n_steps=60, dt=1e-3, dx=5.0, c=1500.0, sample_every=4):
    courant2 = (c * dt / dx) ** 2
    u_prev = torch.zeros(1, 1, h, w)
    u = torch.zeros(1, 1, h, w)
    src = (h // 4, w // 2)
    receivers.reset()
    with torch.inference_mode():
        for n in range(n_steps):
            lap = F.conv2d(u, LAPLACE, padding=1)
            u_next = 2 * u - u_prev + courant2 * lap
            u_next[0, 0, src[0], src[1]] += ricker(n * dt) * dt**2
            u_prev, u = u, u_next
            if n % sample_every == 0:
                receivers.record(n * dt, u, column=w - 16)
    return receivers.gather()


def scenario():
    return simulate()
