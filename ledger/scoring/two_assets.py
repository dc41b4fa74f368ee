"""Market-implied probabilities of claims about two assets: ratios and outperformance.

The model extends the one-asset baseline (`market_implied`): both prices are
driftless geometric Brownian motions, martingales with the realized
volatilities s_A, s_B of their own trailing year, correlated with the
realized correlation rho of their daily log returns over the same year:

    dA/A = s_A dW_A,  dB/B = s_B dW_B,  d<W_A, W_B> = rho dt.

The ratio R = A/B. ln(R_T/R_0) = ln(A_T/A_0) - ln(B_T/B_0) is a Brownian
motion with variance s_R^2 = s_A^2 + s_B^2 - 2 rho s_A s_B per year and the
drift that follows from both prices being martingales,
nu_R = -s_A^2/2 + s_B^2/2. A ratio is not itself a martingale (E[R_T] =
R_0 exp((s_B^2 - rho s_A s_B) T)), so its claims use the one-asset formulas
with this drift in place of -s_R^2/2: the normal tail for close claims, the
reflection-principle barrier (with its forward-start form) for touch and
hold claims. A ratio's average has no formula here (the moment matching of
`market_implied` assumes a martingale) and gets no probability.

Outperformance by margin m (a fraction: 10 points is 0.1) over [t_1, T],
tau = T - t_1: P(A_T/A_t1 - B_T/B_t1 >= m). The returns over the window do
not depend on the path before it, so a forward start only shortens tau.
With X = A_T/A_t1 = exp(-a^2/2 + a Z_A), Y = exp(-b^2/2 + b Z_B),
a = s_A sqrt(tau), b = s_B sqrt(tau), corr(Z_A, Z_B) = rho:

* m = 0 is the ratio close claim "R_T >= R_t1": P = Φ(nu_R tau / (s_R sqrt(tau)))
  exactly;
* m > 0 has no closed form (the difference of two lognormals has none).
  Conditioning on Z_B = z, Z_A is normal with mean rho z and variance
  1 - rho^2, so
      P = ∫ φ(z) Φ((-a^2/2 + a rho z - ln(m + Y(z))) / (a sqrt(1 - rho^2))) dz,
  a one-dimensional integral over the second leg. The inner Φ is a step in
  z as sharp as a sqrt(1 - rho^2) is small (a jump at rho = ±1), which a
  plain Gauss-Hermite rule misses by up to 0.05; so the integral is split
  where the step lies (c(z) = 0, at most twice: c is concave) and each of
  the three panels on [-8.5, 8.5] gets a `QUADRATURE_NODES`-point
  Gauss-Legendre rule: within 2e-4 of a 400,001-point trapezoid reference
  even at rho = 0.9999, within 1e-5 for ordinary correlations (a plain
  Gauss-Hermite rule is off by up to 0.05 near the step). Checked in the
  tests against that reference, the closed form at m = 0 and a seeded Monte
  Carlo.

Correlation. rho is the uncentred correlation (driftless, as the
volatilities are) of the two legs' log returns between consecutive days on
which BOTH traded, over the trailing `VOL_WINDOW_DAYS` before made_on:
bitcoin's weekend moves then fall into the Friday-to-Monday return that
gold's Monday bar also spans. Fewer than `MIN_RETURNS` common returns give
no correlation and no probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring.market_implied import MIN_RETURNS, VOL_WINDOW_DAYS, realized_volatility_many
from ledger.scoring.normal import normal_cdf

QUADRATURE_NODES = 48  # Gauss-Legendre nodes per panel, three panels per claim
_LIMIT = 8.5  # |z| beyond this holds less than 1e-16 of the normal's mass
_CHUNK = 4096  # claims per block of node matrices, to keep the temporaries small
_LEGENDRE_NODES, _LEGENDRE_WEIGHTS = np.polynomial.legendre.leggauss(QUADRATURE_NODES)


@dataclass(frozen=True)
class PairVolatility:
    """Per as-of date: each leg's realized volatility and spot, their correlation (NaN: none)."""

    sigma_a: np.ndarray
    sigma_b: np.ndarray
    rho: np.ndarray
    spot_a: np.ndarray
    spot_b: np.ndarray
    n_common: np.ndarray

    @property
    def ratio_sigma(self) -> np.ndarray:
        """s_R: the volatility of ln(A/B)."""
        variance = self.sigma_a**2 + self.sigma_b**2 - 2.0 * self.rho * self.sigma_a * self.sigma_b
        return np.sqrt(np.maximum(variance, 0.0))

    @property
    def ratio_drift(self) -> np.ndarray:
        """nu_R: the drift of ln(A/B) when both prices are martingales."""
        return 0.5 * (self.sigma_b**2 - self.sigma_a**2)


def pair_volatility_many(
    dates_a: ArrayLike,
    closes_a: ArrayLike,
    dates_b: ArrayLike,
    closes_b: ArrayLike,
    as_of: ArrayLike,
    *,
    window_days: int = VOL_WINDOW_DAYS,
    min_returns: int = MIN_RETURNS,
) -> PairVolatility:
    """Both legs' realized volatility (each on its own calendar) and their correlation,
    at many as-of dates, vectorized. Dates must be sorted and unique per leg."""
    day_a = np.asarray(dates_a, dtype="datetime64[D]")
    day_b = np.asarray(dates_b, dtype="datetime64[D]")
    close_a = np.asarray(closes_a, dtype=np.float64)
    close_b = np.asarray(closes_b, dtype=np.float64)
    when = np.atleast_1d(np.asarray(as_of, dtype="datetime64[D]"))
    vol_a = realized_volatility_many(
        close_a, day_a, when, window_days=window_days, min_returns=min_returns
    )
    vol_b = realized_volatility_many(
        close_b, day_b, when, window_days=window_days, min_returns=min_returns
    )
    rho, n_common = _correlation_many(
        day_a, close_a, day_b, close_b, when, window_days, min_returns
    )
    return PairVolatility(vol_a.sigma, vol_b.sigma, rho, vol_a.spot, vol_b.spot, n_common)


def _correlation_many(day_a, close_a, day_b, close_b, when, window_days, min_returns):
    common, in_a, in_b = np.intersect1d(day_a, day_b, assume_unique=True, return_indices=True)
    count = len(when)
    if len(common) < 2:
        return np.full(count, np.nan), np.zeros(count, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ret_a = np.diff(np.log(np.where(close_a[in_a] > 0, close_a[in_a], np.nan)))
        ret_b = np.diff(np.log(np.where(close_b[in_b] > 0, close_b[in_b], np.nan)))
    usable = np.isfinite(ret_a) & np.isfinite(ret_b)
    ret_a, ret_b = np.where(usable, ret_a, 0.0), np.where(usable, ret_b, 0.0)

    def running(values: np.ndarray) -> np.ndarray:
        return np.concatenate(([0.0], np.cumsum(values)))

    cross, sq_a, sq_b = running(ret_a * ret_b), running(ret_a**2), running(ret_b**2)
    used = np.concatenate(([0], np.cumsum(usable)))
    # Return i ends on common[i + 1]; the window holds the returns whose both ends lie in it.
    last = np.searchsorted(common, when, side="right") - 1
    first = np.searchsorted(common, when - np.timedelta64(window_days, "D"), side="left")
    last_c = np.maximum(last, 0)
    first_c = np.minimum(first, last_c)
    n = np.where(last >= 0, used[last_c] - used[first_c], 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (cross[last_c] - cross[first_c]) / np.sqrt(
            (sq_a[last_c] - sq_a[first_c]) * (sq_b[last_c] - sq_b[first_c])
        )
    enough = (n >= max(min_returns, 1)) & np.isfinite(rho)
    return np.where(enough, np.clip(rho, -1.0, 1.0), np.nan), n.astype(np.int64)


def outperformance_probabilities(
    sigma_a: ArrayLike,
    sigma_b: ArrayLike,
    rho: ArrayLike,
    tau_years: ArrayLike,
    margin_points: ArrayLike,
) -> np.ndarray:
    """P(A's return minus B's return >= margin) over tau years, per claim (NaN: cannot say).

    `margin_points` is in percentage points (10 = 0.1). Ties count as TRUE, as
    in the rule; they have probability zero unless nothing moves.
    """
    s_a, s_b, r, tau, points = np.broadcast_arrays(
        *(
            np.asarray(x, dtype=np.float64)
            for x in (sigma_a, sigma_b, rho, tau_years, margin_points)
        )
    )
    s_a, s_b, r, tau, points = (x.ravel() for x in (s_a, s_b, r, tau, points))
    m = points / 100.0
    out = np.full(s_a.shape, np.nan)
    valid = (
        np.isfinite(s_a)
        & np.isfinite(s_b)
        & np.isfinite(r)
        & np.isfinite(tau)
        & np.isfinite(m)
        & (s_a >= 0)
        & (s_b >= 0)
        & (np.abs(r) <= 1)
        & (m >= 0)
    )
    tau = np.maximum(tau, 0.0)
    a = s_a * np.sqrt(tau)
    b = s_b * np.sqrt(tau)
    static = valid & (a == 0) & (b == 0)
    out[static] = np.where(m[static] <= 0, 1.0, 0.0)

    spread_var = a**2 + b**2 - 2.0 * r * a * b
    exact = valid & ~static & (m == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = 0.5 * (b**2 - a**2) / np.sqrt(spread_var)
    # The two legs move as one (rho = 1, equal volatilities): equal returns, a tie.
    out[exact] = np.where(spread_var[exact] > 0, normal_cdf(z[exact]), 1.0)

    rows = valid & ~static & (m > 0)
    out[rows] = _outperform_by_quadrature(a[rows], b[rows], r[rows], m[rows])
    return out


def _outperform_by_quadrature(
    a: np.ndarray, b: np.ndarray, rho: np.ndarray, m: np.ndarray
) -> np.ndarray:
    """∫ φ(z) Φ(c(z)/s) dz over the second leg's shock z (module docstring), in chunks."""
    out = np.empty(a.shape)
    for start in range(0, len(a), _CHUNK):
        part = slice(start, start + _CHUNK)
        out[part] = _integral(a[part], b[part], rho[part], m[part])
    return out


def _integral(a: np.ndarray, b: np.ndarray, rho: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Gauss-Legendre on [-L, L], split where c(z) = 0.

    c(z) = -a^2/2 + a rho z - ln(m + exp(-b^2/2 + b z)) is concave (a line
    minus a log-sum-exp), so it crosses zero at most twice, once on each side
    of its peak. Across a crossing the integrand is a step as sharp as
    s = a sqrt(1 - rho^2) is small (a jump when rho = ±1); on each panel
    between crossings it is smooth, and Legendre nodes crowd at the panel
    ends, where what is left of the step lies.
    """
    spread = a * np.sqrt(np.maximum(1.0 - rho**2, 0.0))
    alpha, beta, gamma = -0.5 * a**2, a * rho, -0.5 * b**2

    def c(z: np.ndarray) -> np.ndarray:
        return alpha + beta * z - np.logaddexp(np.log(m), gamma + b * z)

    # The peak: c'(z) = beta - b q(z), q = e^{gamma + bz} / (m + e^{gamma + bz}) in (0, 1).
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(b > 0, beta / np.where(b > 0, b, 1.0), np.where(beta > 0, 1.0, 0.0))
        inside = (share > 0) & (share < 1)
        z_peak = np.where(
            inside,
            (
                np.log(m)
                + np.log(np.where(inside, share, 0.5))
                - np.log1p(-np.where(inside, share, 0.5))
                - gamma
            )
            / np.where(b > 0, b, 1.0),
            np.where(share >= 1, _LIMIT, -_LIMIT),
        )
    z_peak = np.clip(z_peak, -_LIMIT, _LIMIT)
    rises = c(z_peak) > 0
    left = np.where(c(np.full_like(a, -_LIMIT)) >= 0, -_LIMIT, _bisect(c, -_LIMIT, z_peak, up=True))
    right = np.where(c(np.full_like(a, _LIMIT)) >= 0, _LIMIT, _bisect(c, z_peak, _LIMIT, up=False))
    left = np.where(rises, left, z_peak)
    right = np.where(rises, right, z_peak)

    total = np.zeros(a.shape)
    for lo, hi in (
        (np.full_like(a, -_LIMIT), left),
        (left, right),
        (right, np.full_like(a, _LIMIT)),
    ):
        half = 0.5 * (hi - lo)
        z = (0.5 * (hi + lo))[:, None] + half[:, None] * _LEGENDRE_NODES[None, :]
        centre = _c_matrix(alpha, beta, gamma, b, m, z)
        with np.errstate(divide="ignore", invalid="ignore"):
            inner = np.where(
                spread[:, None] > 0,
                normal_cdf(centre / np.where(spread > 0, spread, 1.0)[:, None]),
                (centre >= 0).astype(np.float64),
            )
        density = np.exp(-0.5 * z**2) / np.sqrt(2.0 * np.pi)
        total += half * ((inner * density) @ _LEGENDRE_WEIGHTS)
    return np.clip(total, 0.0, 1.0)


def _c_matrix(alpha, beta, gamma, b, m, z):
    """c(z) for a matrix of nodes, one row per claim."""
    return (
        alpha[:, None]
        + beta[:, None] * z
        - np.logaddexp(np.log(m)[:, None], gamma[:, None] + b[:, None] * z)
    )


def _bisect(function, lo, hi, *, up: bool, steps: int = 60) -> np.ndarray:
    """Per claim, the zero of a function monotone on [lo, hi] (rising if `up`), by bisection."""
    lo = np.broadcast_to(np.asarray(lo, dtype=np.float64), np.shape(hi) or np.shape(lo)).copy()
    hi = np.broadcast_to(np.asarray(hi, dtype=np.float64), lo.shape).copy()
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        above = function(mid) >= 0
        if up:
            hi = np.where(above, mid, hi)
            lo = np.where(above, lo, mid)
        else:
            lo = np.where(above, mid, lo)
            hi = np.where(above, hi, mid)
    return 0.5 * (lo + hi)
