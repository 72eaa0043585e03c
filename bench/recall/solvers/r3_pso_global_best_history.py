"""Global-best particle swarm optimisation, organised as swarm libraries are:
a Swarm record, an optimizer class with optimize(objective, iters) and a
reporter that keeps the best position of each iteration."""
import numpy as np


class Swarm:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity
        self.pbest_pos = position.copy()
        self.pbest_cost = np.full(len(position), np.inf)
        self.best_cost = np.inf
        self.best_pos = None


class HistoryReporter:
    def __init__(self):
        self.cost_history = []
        self.pos_history = []

    def on_iteration(self, swarm, cost, best_pos):
        self.cost_history.append(cost)
        self.pos_history.append(best_pos)  # expect: VL001


class GlobalBestPSO:
    def __init__(self, n_particles, dimensions, options=None, bounds=(-5.0, 5.0), seed=0):
        opts = {"c1": 0.5, "c2": 0.3, "w": 0.9}
        opts.update(options or {})
        self.c1, self.c2, self.w = opts["c1"], opts["c2"], opts["w"]
        self.bounds = bounds
        self.rng = np.random.default_rng(seed)
        lo, hi = bounds
        pos = self.rng.uniform(lo, hi, size=(n_particles, dimensions))
        self.swarm = Swarm(pos, np.zeros_like(pos))

    def _update(self):
        s = self.swarm
        r1 = self.rng.uniform(size=s.position.shape)
        r2 = self.rng.uniform(size=s.position.shape)
        s.velocity = (self.w * s.velocity + self.c1 * r1 * (s.pbest_pos - s.position)
                      + self.c2 * r2 * (s.best_pos - s.position))
        s.position = np.clip(s.position + s.velocity, *self.bounds)

    def optimize(self, objective, iters, reporter=None, **kwargs):
        s = self.swarm
        for _ in range(iters):
            cost = objective(s.position, **kwargs)
            better = cost < s.pbest_cost
            s.pbest_pos[better] = s.position[better]
            s.pbest_cost[better] = cost[better]
            i = int(np.argmin(cost))
            if cost[i] < s.best_cost:
                s.best_cost = float(cost[i])
            best_pos = s.position[i]
            s.best_pos = s.pbest_pos[np.argmin(s.pbest_cost)]
            if reporter is not None:
                reporter.on_iteration(s, s.best_cost, best_pos)
            self._update()
        return s.best_cost, s.best_pos


def sphere(x, shift=0.0):
    return np.sum((x - shift) ** 2, axis=1)


def scenario():
    reporter = HistoryReporter()
    pso = GlobalBestPSO(n_particles=2000, dimensions=60)
    pso.optimize(sphere, iters=50, reporter=reporter, shift=1.0)
    return reporter.pos_history
