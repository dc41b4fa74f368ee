"""Hit rates shrunk toward what is typical, so that 2/2 does not outrank 40/50.

Empirical Bayes with a beta-binomial model: each group's true hit rate is a
draw from Beta(alpha, beta), and its hits are Binomial(n, rate). The prior is
fitted across the groups being ranked by maximising the beta-binomial marginal
likelihood (more stable than the method of moments when group sizes differ
widely, since it weights each group by what its n can tell), and each group's
shrunk rate is its posterior mean (k + alpha) / (n + alpha + beta). A group
with few claims is pulled far toward the common mean; a group with many keeps
close to its own rate.

The fit is parameterised by the prior mean mu and strength kappa = alpha + beta
(in "pseudo-claims"), with kappa bounded to [KAPPA_MIN, KAPPA_MAX]: when the
groups' rates vary no more than binomial noise explains, the likelihood keeps
growing with kappa and the bound stands in for "pool completely".

Fallback to the weak prior Beta(1, 1) (Laplace's rule of succession) when
fewer than MIN_GROUPS groups have scored claims or when the pooled rate is 0
or 1 (no spread to learn from), or if the optimiser fails.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import optimize, special

MIN_GROUPS = 3
KAPPA_MIN = 0.5
KAPPA_MAX = 1.0e4


@dataclass(frozen=True)
class BetaPrior:
    """The Beta(alpha, beta) prior over hit rates and how it was obtained."""

    alpha: float
    beta: float
    method: str  # "marginal_likelihood" or "weak"

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def strength(self) -> float:
        """alpha + beta: how many claims' worth of evidence the prior carries."""
        return self.alpha + self.beta


WEAK_PRIOR = BetaPrior(alpha=1.0, beta=1.0, method="weak")


def fit_beta_prior(hits: ArrayLike, trials: ArrayLike) -> BetaPrior:
    """Fit the beta prior across groups (k_g hits of n_g); groups with n_g = 0 are ignored."""
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    used = n > 0
    k, n = k[used], n[used]
    if k.size < MIN_GROUPS:
        return WEAK_PRIOR
    pooled = k.sum() / n.sum()
    if pooled <= 0.0 or pooled >= 1.0:
        return WEAK_PRIOR

    def negative_log_likelihood(theta: np.ndarray) -> float:
        mu = special.expit(theta[0])
        kappa = np.exp(theta[1])
        a, b = mu * kappa, (1.0 - mu) * kappa
        # The binomial coefficients do not depend on (a, b) and are left out.
        return -float(np.sum(special.betaln(k + a, n - k + b)) - k.size * special.betaln(a, b))

    start = np.array([special.logit(pooled), np.log(10.0)])
    result = optimize.minimize(
        negative_log_likelihood,
        start,
        method="L-BFGS-B",
        bounds=[(-20.0, 20.0), (np.log(KAPPA_MIN), np.log(KAPPA_MAX))],
    )
    if not np.all(np.isfinite(result.x)):
        return WEAK_PRIOR
    mu = float(special.expit(result.x[0]))
    kappa = float(np.exp(result.x[1]))
    return BetaPrior(alpha=mu * kappa, beta=(1.0 - mu) * kappa, method="marginal_likelihood")


def shrunk_rates(hits: ArrayLike, trials: ArrayLike, prior: BetaPrior) -> np.ndarray:
    """Posterior mean hit rate of each group; NaN for a group with no trials."""
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        rate = (k + prior.alpha) / (n + prior.strength)
    return np.where(n > 0, rate, np.nan)
