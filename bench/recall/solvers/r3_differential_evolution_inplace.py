"""DE/rand/1/bin differential evolution in the shape of a solver class: the
population array is allocated once and improved trials are written into it in
place; the best member of every generation is copied out for the history."""
import numpy as np


class DifferentialEvolution:
    def __init__(self, func, bounds, popsize=1500, mutation=0.7, recombination=0.9, seed=0, **func_kwargs):
        self.func = func
        self.bounds = np.asarray(bounds, dtype=float)
        self.mutation = mutation
        self.recombination = recombination
        self.rng = np.random.default_rng(seed)
        self.func_kwargs = func_kwargs
        lo, hi = self.bounds[:, 0], self.bounds[:, 1]
        self.population = lo + self.rng.uniform(size=(popsize, len(self.bounds))) * (hi - lo)
        self.energies = func(self.population, **func_kwargs)
        self.best_history = []

    def _trials(self):
        n, d = self.population.shape
        idx = np.array([self.rng.choice(n, 3, replace=False) for _ in range(n)])
        a, b, c = (self.population[idx[:, k]] for k in range(3))
        mutant = np.clip(a + self.mutation * (b - c), self.bounds[:, 0], self.bounds[:, 1])
        cross = self.rng.uniform(size=(n, d)) < self.recombination
        return np.where(cross, mutant, self.population)

    def step(self):
        trials = self._trials()
        e = self.func(trials, **self.func_kwargs)
        improved = e < self.energies
        self.population[improved] = trials[improved]
        self.energies[improved] = e[improved]
        best = int(np.argmin(self.energies))
        self.best_history.append(np.copy(self.population[best]))
        return self.energies[best]

    def solve(self, maxiter=40, atol=1e-8):
        for _ in range(maxiter):
            if self.step() < atol:
                break
        return self.population[np.argmin(self.energies)]


def rastrigin(x, a=10.0):
    return a * x.shape[1] + np.sum(x ** 2 - a * np.cos(2 * np.pi * x), axis=1)


def scenario():
    de = DifferentialEvolution(rastrigin, [(-5.12, 5.12)] * 60)
    de.solve(maxiter=30)
    return de.best_history
