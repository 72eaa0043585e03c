"""Affine-invariant ensemble MCMC (Goodman & Weare stretch move), as in small
emcee-style samplers: the move is an object whose `__call__` is an alias of its
`propose` method (`__call__ = propose`), and each step rebinds the walker
coordinates to `np.where(accept[:, None], proposal, coords)`.  For a trace plot
the sampler keeps the first parameter of every walker per step, a column view
(`coords[:, 0]`) of that step's whole (n_walkers, ndim) ensemble."""
import numpy as np


def log_prob_gauss(x, ivar):
    return -0.5 * np.sum(ivar * x**2, axis=1)


class StretchMove:
    def __init__(self, a=2.0):
        self.a = a

    def propose(self, coords, log_p, log_prob_fn, rng):
        nwalkers, ndim = coords.shape
        z = ((self.a - 1.0) * rng.random(nwalkers) + 1.0) ** 2 / self.a
        partners = coords[rng.integers(0, nwalkers, size=nwalkers)]
        proposal = partners - (partners - coords) * z[:, None]
        new_log_p = log_prob_fn(proposal)
        lnpdiff = (ndim - 1.0) * np.log(z) + new_log_p - log_p
        accept = lnpdiff > np.log(rng.random(nwalkers))
        coords = np.where(accept[:, None], proposal, coords)
        log_p = np.where(accept, new_log_p, log_p)
        return coords, log_p, accept.mean()

    __call__ = propose


class EnsembleSampler:
    def __init__(self, nwalkers, ndim, log_prob_fn, move=None, seed=0):
        self.nwalkers = nwalkers
        self.ndim = ndim
        self.log_prob_fn = log_prob_fn
        self.move = move or StretchMove()
        self.rng = np.random.default_rng(seed)
        self.trace = []
        self.acceptance = []

    def run(self, coords, nsteps):
        log_p = self.log_prob_fn(coords)
        for _ in range(nsteps):
            coords, log_p, acc = self.move(coords, log_p, self.log_prob_fn, self.rng)
            self.trace.append(coords[:, 0])  # expect: VL001
            self.acceptance.append(acc)
        return coords


def scenario():
    ndim, nwalkers = 32, 4096
    ivar = 1.0 / np.linspace(0.5, 3.0, ndim)
    sampler = EnsembleSampler(nwalkers, ndim, lambda x: log_prob_gauss(x, ivar))
    p0 = np.random.default_rng(1).standard_normal((nwalkers, ndim)) * 0.1
    sampler.run(p0, nsteps=40)
    return sampler.trace, sampler.acceptance
