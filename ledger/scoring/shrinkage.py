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
or 1 (no spread to learn from), or if the fit fails.

The fit is Newton's method on the likelihood's gradient and Hessian, sums of
differences of digamma and trigamma values (ledger.scoring.gamma), projected
onto the bounds. SciPy's L-BFGS-B did this before, and importing scipy.optimize
cost a small `forecast score` more than its scoring (issue 12). Newton reaches
the maximum itself; L-BFGS-B stopped on its tolerance for the likelihood, which
is flat along the strength (on a 1,000-source ledger its strength was 2.6% off
the maximum's). tests/scoring/test_scoring_shrinkage.py holds the fit to SciPy's,
polished to the stationary point, to 1e-9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring.gamma import digamma_difference, log_beta, trigamma_difference

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
    start = np.array([math.log(pooled / (1.0 - pooled)), LOG_KAPPA_START])
    theta = _maximise(_BetaBinomial(k, n), start)
    if theta is None:
        return WEAK_PRIOR
    mu = _expit(float(theta[0]))
    kappa = math.exp(float(theta[1]))
    return BetaPrior(alpha=mu * kappa, beta=(1.0 - mu) * kappa, method="marginal_likelihood")


LOG_KAPPA_START = math.log(10.0)
_LOWER = np.array([-20.0, math.log(KAPPA_MIN)])
_UPPER = np.array([20.0, math.log(KAPPA_MAX)])
_MAX_ITERATIONS = 200
_STEP_TOLERANCE = 1e-13


def _expit(u: float) -> float:
    return 1.0 / (1.0 + math.exp(-u)) if u >= 0.0 else math.exp(u) / (1.0 + math.exp(u))


class _BetaBinomial:
    """The beta-binomial log-likelihood of the groups and its derivatives, in
    theta = (logit mu, ln kappa): the fit's coordinates, where its bounds are a box.
    The binomial coefficients do not depend on the prior and are left out."""

    def __init__(self, hits: np.ndarray, trials: np.ndarray) -> None:
        self.k = hits
        self.misses = trials - hits
        self.n = trials

    def _ab(self, theta: np.ndarray) -> tuple[float, float, float, float]:
        mu = _expit(float(theta[0]))
        kappa = math.exp(float(theta[1]))
        return mu * kappa, (1.0 - mu) * kappa, mu, kappa

    def value(self, theta: np.ndarray) -> float:
        a, b, _, _ = self._ab(theta)
        together = log_beta(self.k + a, self.misses + b) - log_beta(a, b)
        return float(np.sum(together))

    def derivatives(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gradient and Hessian of the log-likelihood in theta."""
        a, b, mu, kappa = self._ab(theta)
        total = a + b
        # Per group differences (psi(k + a) - psi(a), ...), each formed without
        # subtracting two digammas: for a strong prior the likelihood is flat
        # along kappa, and rounding noise in the gradient would move the fit.
        da = digamma_difference(a, self.k)
        db = digamma_difference(b, self.misses)
        dt = digamma_difference(total, self.n)
        g_a = float(np.sum(da - dt))
        g_b = float(np.sum(db - dt))
        ta = trigamma_difference(a, self.k)
        tb = trigamma_difference(b, self.misses)
        tt = trigamma_difference(total, self.n)
        h_aa = float(np.sum(tt - ta))
        h_bb = float(np.sum(tt - tb))
        h_ab = float(np.sum(tt))
        # Chain rule to (u, v) = (logit mu, ln kappa): a = mu kappa, b = (1 - mu) kappa.
        spread = kappa * mu * (1.0 - mu)  # da/du = -db/du
        g_u = spread * (g_a - g_b)
        g_v = a * g_a + b * g_b
        h_uu = spread * spread * (h_aa - 2.0 * h_ab + h_bb) + spread * (1.0 - 2.0 * mu) * (
            g_a - g_b
        )
        h_uv = spread * (a * h_aa + b * h_ab - a * h_ab - b * h_bb) + spread * (g_a - g_b)
        h_vv = a * a * h_aa + 2.0 * a * b * h_ab + b * b * h_bb + g_v
        return np.array([g_u, g_v]), np.array([[h_uu, h_uv], [h_uv, h_vv]])


def _maximise(model: _BetaBinomial, theta: np.ndarray) -> np.ndarray | None:
    """Projected Newton ascent in the box [_LOWER, _UPPER], from theta.

    A coordinate at a bound whose gradient points out of the box is held there
    (the bound stands in for "pool completely" when kappa reaches KAPPA_MAX);
    the others take Newton's step, or a gradient step where the likelihood is
    not concave, halved until the likelihood does not fall.
    """
    theta = np.clip(theta, _LOWER, _UPPER)
    current = model.value(theta)
    for _ in range(_MAX_ITERATIONS):
        gradient, hessian = model.derivatives(theta)
        if not (np.all(np.isfinite(gradient)) and np.all(np.isfinite(hessian))):
            return None
        held = ((theta <= _LOWER) & (gradient < 0.0)) | ((theta >= _UPPER) & (gradient > 0.0))
        free = ~held
        if not free.any():
            return theta
        step = np.zeros(2)
        curvature = -hessian[np.ix_(free, free)]
        eigenvalues = np.linalg.eigvalsh(curvature)
        concave = bool(np.all(eigenvalues > 0.0))
        if not concave:
            # Levenberg's shift makes the step an ascent direction of a sensible size.
            shift = -float(eigenvalues.min()) + 1e-3 * max(1.0, float(np.abs(eigenvalues).max()))
            curvature = curvature + shift * np.eye(curvature.shape[0])
        step[free] = np.linalg.solve(curvature, gradient[free])
        scale = 1.0
        for _ in range(60):
            candidate = np.clip(theta + scale * step, _LOWER, _UPPER)
            value = model.value(candidate)
            # The likelihood is a sum of log-gammas: allow its rounding, so that
            # Newton's last steps, which move it by less than that, are taken.
            if value >= current - 1e-12 * (1.0 + abs(current)):
                break
            scale *= 0.5
        else:
            return theta
        moved = float(np.max(np.abs(candidate - theta)))
        theta, current = candidate, value
        if concave and moved <= _STEP_TOLERANCE * (1.0 + float(np.max(np.abs(theta)))):
            return theta
    return theta


def shrunk_rates(hits: ArrayLike, trials: ArrayLike, prior: BetaPrior) -> np.ndarray:
    """Posterior mean hit rate of each group; NaN for a group with no trials."""
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        rate = (k + prior.alpha) / (n + prior.strength)
    return np.where(n > 0, rate, np.nan)
