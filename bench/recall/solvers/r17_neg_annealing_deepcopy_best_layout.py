"""Simulated annealing of a placement problem, after the `Annealer` template
classes of optimisation libraries that keep `copy.deepcopy` of the best state:
the state is a dict holding a `(n, 2)` coordinate array and its cost; each
move builds a new coordinate array (a random block shifted), the Metropolis
rule accepts or rejects it, and whenever the cost improves a record of the
best state so far is saved with `copy.deepcopy`, including the position of
the first cell (`coords[0]`), which the deep copy copies out of the array."""
import copy
import math
import random

import numpy as np


def cost(coords, targets):
    return float(np.sum((coords - targets) ** 2))


def move(coords, rng, block=64, scale=2.0):
    new = coords.copy()
    start = rng.integers(0, coords.shape[0] - block)
    new[start:start + block] += rng.normal(0, scale, (block, 2))
    return new


def anneal(n_cells=60000, n_steps=300, t_start=50.0, alpha=0.985, seed=0):
    rng = np.random.default_rng(seed)
    random.seed(seed)
    targets = rng.uniform(0, 100, (n_cells, 2))
    state = {"coords": targets + rng.normal(0, 5, (n_cells, 2))}
    state["cost"] = cost(state["coords"], targets)
    best = copy.deepcopy(state)
    improvements = []
    temperature = t_start
    for step in range(n_steps):
        coords = move(state["coords"], rng)
        c = cost(coords, targets)
        delta = c - state["cost"]
        if delta < 0 or random.random() < math.exp(-delta / temperature):
            state = {"coords": coords, "cost": c}
            if c < best["cost"]:
                best = copy.deepcopy(state)
                improvements.append(copy.deepcopy({"step": step, "cost": c,
                                                   "anchor": coords[0]}))
        temperature *= alpha
    return best, improvements


def scenario():
    return anneal()
