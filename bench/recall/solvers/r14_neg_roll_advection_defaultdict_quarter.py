"""A periodic advection-diffusion time stepper written with `np.roll`, as in
the finite-difference examples of scientific-Python books (the `laplacian`
made of four rolls): each step makes a new field from rolled copies, and every
`save_every` steps the stepper files diagnostics in a `defaultdict(list)`: the
time, the total mass, and the field thinned by `stride = 4` for plotting,
`history["u"].append(u[::stride])`.  The thinned field is a view, but it shows
a quarter of its field, so what the history keeps is at most four times what
it shows: the snapshots are the data the plot needs, not a leak of old
fields."""
from collections import defaultdict

import numpy as np


def step(u, c, nu):
    left = np.roll(u, 1)
    right = np.roll(u, -1)
    return u - c * (u - left) + nu * (right - 2.0 * u + left)


def run(n=200_000, steps=300, save_every=10, stride=4, c=0.4, nu=0.05):
    x = np.linspace(0.0, 1.0, n, endpoint=False)
    u = np.exp(-200.0 * (x - 0.3) ** 2)
    history = defaultdict(list)
    for k in range(steps):
        u = step(u, c, nu)
        if k % save_every == 0:
            history["t"].append(k)
            history["mass"].append(float(u.sum()))
            history["u"].append(u[::stride])
    return dict(history)


def scenario():
    return run()
