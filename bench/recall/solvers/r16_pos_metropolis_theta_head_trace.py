"""Random-walk Metropolis-Hastings over a high-dimensional Gaussian
posterior (a Bayesian linear-regression weight vector), after the `run_mh`
samplers of MCMC tutorials: each step proposes `theta + step * noise` (a new
vector), accepts it with probability min(1, p(new)/p(old)) by comparing the
log-ratio with `np.log(u)`, and otherwise keeps the current state.  Only the
first few coordinates are traced for plotting (`theta[:k]`), but each traced
head is a view of the state it came from, so every accepted proposal stays
alive in full until the trace is dropped."""
import numpy as np


def make_log_posterior(d, seed=1):
    rng = np.random.default_rng(seed)
    prec = rng.uniform(0.5, 2.0, d)
    mu = rng.normal(0, 1, d)

    def log_p(theta):
        r = theta - mu
        return -0.5 * np.dot(prec * r, r)

    return log_p


def run_mh(log_p, theta0, n_steps, step=0.004, k=5, thin=2, seed=0):
    rng = np.random.default_rng(seed)
    theta = theta0
    lp = log_p(theta)
    trace, accepted = [], 0
    for it in range(n_steps):
        proposal = theta + step * rng.standard_normal(theta.shape[0])
        lp_new = log_p(proposal)
        if np.log(rng.uniform()) < lp_new - lp:
            theta, lp = proposal, lp_new
            accepted += 1
        if it % thin == 0:
            trace.append(theta[:k])  # expect: VL001
    return theta, trace, accepted / n_steps


def scenario(d=60_000, n_steps=400):
    log_p = make_log_posterior(d)
    theta, trace, rate = run_mh(log_p, np.zeros(d), n_steps)
    return trace
