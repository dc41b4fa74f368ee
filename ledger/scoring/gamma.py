"""The gamma family on numpy arrays, for positive arguments: log-gamma, digamma, trigamma.

Scoring needs these in two places, the beta prior's maximum-likelihood fit
(digamma and trigamma give its gradient and curvature) and the incomplete beta
function behind the Jeffreys bounds (log-gamma and Stirling's correction give
its prefactor). SciPy has them all, but importing `scipy.special` costs a
`forecast score` on a small ledger more CPU than the scoring itself (issue 12),
so these are our own, held to SciPy by tests/scoring/test_scoring_gamma.py.

Only x > 0 is supported (every argument scoring makes is a positive count plus
a positive prior); other arguments give NaN.

Digamma and trigamma use the recurrences psi(x) = psi(x + 1) - 1/x and
psi'(x) = psi'(x + 1) + 1/x^2 to reach x >= 10, then their asymptotic series
(Abramowitz and Stegun 6.3.18 and 6.4.12), accurate to a few ulps there.
Near digamma's positive root x0 = 1.4616... the recurrence's sum cancels to
nothing, so there digamma is the Taylor series about x0, whose coefficients are
(-1)^(n+1) zeta(n + 1, x0) and x0 is carried in two parts: this keeps digamma's
relative error small even where its value is.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

ASYMPTOTIC_FROM = 10.0
STIRLING_FROM = 8.0  # Stirling's correction is used for arguments at least this large

# digamma's positive root, split so that x - ROOT_HIGH - ROOT_LOW is exact to
# the last bit near the root (A030169: 1.46163214496836234126265954232572...).
ROOT_HIGH = 1.4616321449683622
ROOT_LOW = 9.549995429965697e-17
ROOT_SERIES_RADIUS = 0.2
# (-1)^(n+1) zeta(n + 1, x0) for n = 1, 2, ...: psi(x) = sum c_n (x - x0)^n.
# Within ROOT_SERIES_RADIUS the terms shrink by 0.14 each, so 24 reach 1e-20; beyond
# it the recurrence's rounding is below 1e-14 of the value.
ROOT_SERIES = (
    0.9676722454476214,
    -0.44276316898359214,
    0.2584997609556512,
    -0.16394270544240658,
    0.10782405069126239,
    -0.07219956125645476,
    0.048804288164143145,
    -0.033161126474847376,
    0.022597648232218125,
    -0.015424765904948968,
    0.010538791616612182,
    -0.007204534386356875,
    0.004926781395729858,
    -0.0033698016554393317,
    0.00230512632673493,
    -0.0015769367714301987,
    0.0010788252019162975,
    -0.000738070938996006,
    0.0005049532658346026,
    -0.0003454680251063082,
    0.00023635601564027086,
    -0.00016170622091974825,
    0.00011063372768747429,
    -7.569179582195077e-05,
)

_lgamma = np.frompyfunc(math.lgamma, 1, 1)


def log_gamma(x: ArrayLike) -> np.ndarray:
    """ln Gamma(x) elementwise (the standard library's lgamma; numpy has none)."""
    values = np.asarray(x, dtype=np.float64)
    return np.asarray(_lgamma(values), dtype=np.float64)


def stirling_correction(x: ArrayLike) -> np.ndarray:
    """ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi)/2), for x >= STIRLING_FROM.

    The small remainder of Stirling's formula, by its series 1/(12x) -
    1/(360x^3) + ...; differences of log-gammas of large arguments are formed
    from it so that their leading terms cancel on paper, not in floating point.
    """
    x = np.asarray(x, dtype=np.float64)
    inverse = 1.0 / x
    square = inverse * inverse
    series = 1.0 / 12.0 - square * (
        1.0 / 360.0
        - square
        * (
            1.0 / 1260.0
            - square * (1.0 / 1680.0 - square * (1.0 / 1188.0 - square * (691.0 / 360360.0)))
        )
    )
    return series * inverse


def digamma(x: ArrayLike) -> np.ndarray:
    """psi(x) = d/dx ln Gamma(x) elementwise, for x > 0."""
    x = np.asarray(x, dtype=np.float64)
    out = np.full(x.shape, np.nan)
    positive = x > 0.0
    distance = (x - ROOT_HIGH) - ROOT_LOW
    near_root = positive & (np.abs(distance) < ROOT_SERIES_RADIUS)
    elsewhere = positive & ~near_root
    if near_root.any():
        d = distance[near_root]
        series = np.zeros_like(d)
        for coefficient in reversed(ROOT_SERIES):
            series = (series + coefficient) * d
        out[near_root] = series
    if elsewhere.any():
        out[elsewhere] = _digamma_by_recurrence(x[elsewhere])
    return out


def _digamma_by_recurrence(x: np.ndarray) -> np.ndarray:
    shifted = x.copy()
    subtract = np.zeros_like(x)
    small = shifted < ASYMPTOTIC_FROM
    while small.any():
        subtract[small] += 1.0 / shifted[small]
        shifted[small] += 1.0
        small = shifted < ASYMPTOTIC_FROM
    inverse_square = 1.0 / (shifted * shifted)
    # Bernoulli numbers B_2k / (2k) for k = 1..7.
    tail = inverse_square * (
        1.0 / 12.0
        - inverse_square
        * (
            1.0 / 120.0
            - inverse_square
            * (
                1.0 / 252.0
                - inverse_square
                * (
                    1.0 / 240.0
                    - inverse_square
                    * (1.0 / 132.0 - inverse_square * (691.0 / 32760.0 - inverse_square / 12.0))
                )
            )
        )
    )
    return np.log(shifted) - 0.5 / shifted - tail - subtract


def trigamma(x: ArrayLike) -> np.ndarray:
    """psi'(x), the derivative of digamma, elementwise, for x > 0."""
    x = np.asarray(x, dtype=np.float64)
    out = np.full(x.shape, np.nan)
    positive = x > 0.0
    if not positive.any():
        return out
    shifted = x[positive].copy()
    add = np.zeros_like(shifted)
    small = shifted < ASYMPTOTIC_FROM
    while small.any():
        add[small] += 1.0 / (shifted[small] * shifted[small])
        shifted[small] += 1.0
        small = shifted < ASYMPTOTIC_FROM
    inverse = 1.0 / shifted
    inverse_square = inverse * inverse
    # 1/x + 1/(2x^2) + sum B_2k / x^(2k+1), k = 1..7.
    series = inverse_square * (
        1.0 / 6.0
        - inverse_square
        * (
            1.0 / 30.0
            - inverse_square
            * (
                1.0 / 42.0
                - inverse_square
                * (
                    1.0 / 30.0
                    - inverse_square
                    * (5.0 / 66.0 - inverse_square * (691.0 / 2730.0 - inverse_square * 7.0 / 6.0))
                )
            )
        )
    )
    out[positive] = add + inverse + 0.5 * inverse_square + inverse * series
    return out


def log_gamma_ratio(small: ArrayLike, large: ArrayLike) -> np.ndarray:
    """ln Gamma(large) - ln Gamma(large + small), for large >= STIRLING_FROM.

    Formed from Stirling's formula with the (large - 1/2) ln(large) terms
    cancelled algebraically (DiDonato and Morris's `algdiv`): subtracting two
    log-gammas of 1e5 would lose ten digits to rounding.
    """
    s = np.asarray(small, dtype=np.float64)
    t = np.asarray(large, dtype=np.float64)
    total = s + t
    return (
        -(t - 0.5) * np.log1p(s / t)
        - s * np.log(total)
        + s
        + stirling_correction(t)
        - stirling_correction(total)
    )


def log_beta(a: ArrayLike, b: ArrayLike) -> np.ndarray:
    """ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), for a, b > 0."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    a, b = np.broadcast_arrays(a, b)
    low = np.minimum(a, b)
    high = np.maximum(a, b)
    out = np.empty(a.shape)
    large = high >= STIRLING_FROM
    if large.any():
        out[large] = log_gamma(low[large]) + log_gamma_ratio(low[large], high[large])
    if (~large).any():
        out[~large] = (
            log_gamma(low[~large]) + log_gamma(high[~large]) - log_gamma(low[~large] + high[~large])
        )
    return out


# B_2k / (2k) and B_2k for k = 1..7: the asymptotic series' coefficients.
_DIGAMMA_SERIES = (1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12)
_TRIGAMMA_SERIES = (1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6)


def _shifted(x: np.ndarray, m: np.ndarray, term) -> tuple[np.ndarray, np.ndarray]:
    """Move x up to ASYMPTOTIC_FROM, summing term(x, m) for each step taken."""
    x = x.copy()
    total = np.zeros_like(x)
    small = x < ASYMPTOTIC_FROM
    while small.any():
        total[small] += term(x[small], m[small])
        x[small] += 1.0
        small = x < ASYMPTOTIC_FROM
    return x, total


def digamma_difference(x: ArrayLike, m: ArrayLike) -> np.ndarray:
    """psi(x + m) - psi(x) for x > 0, m >= 0, without the cancellation of two digammas.

    The beta prior's gradient is a sum of such differences (psi(k + a) - psi(a)
    for each source's k hits); for a prior of thousands of pseudo-claims each
    digamma is near 8 and the difference near k / a, so subtracting the two
    would leave rounding noise of 1e-15 per term, enough to move the fitted
    strength, along its flat direction, by 1e-9. Here the recurrence adds
    m / (x (x + m)) per step, and the asymptotic series is differenced term by
    term: log1p(m/x) and x^-j (1 - (x/(x+m))^j) by expm1.
    """
    x, m = (np.asarray(v, dtype=np.float64) for v in np.broadcast_arrays(x, m))
    x, total = _shifted(x, m, lambda s, d: d / (s * (s + d)))
    y = x + m
    growth = np.log1p(m / x)
    series = np.zeros_like(x)
    inverse_square = 1.0 / (x * x)
    power = np.ones_like(x)
    for k, coefficient in enumerate(_DIGAMMA_SERIES, start=1):
        power = power * inverse_square
        # x^-2k - y^-2k = x^-2k (1 - (x/y)^2k) = -x^-2k expm1(-2k ln(y/x))
        series += coefficient * power * -np.expm1(-2.0 * k * growth)
    return total + growth + 0.5 * m / (x * y) + series


def trigamma_difference(x: ArrayLike, m: ArrayLike) -> np.ndarray:
    """psi'(x) - psi'(x + m) for x > 0, m >= 0: the same care as digamma_difference."""
    x, m = (np.asarray(v, dtype=np.float64) for v in np.broadcast_arrays(x, m))
    x, total = _shifted(x, m, lambda s, d: d * (2.0 * s + d) / (s * s * (s + d) * (s + d)))
    y = x + m
    growth = np.log1p(m / x)
    inverse = 1.0 / x
    series = m / (x * y) + 0.5 * inverse * inverse * -np.expm1(-2.0 * growth)
    power = inverse
    for k, coefficient in enumerate(_TRIGAMMA_SERIES, start=1):
        power = power * inverse * inverse
        series += coefficient * power * -np.expm1(-(2.0 * k + 1.0) * growth)
    return total + series
