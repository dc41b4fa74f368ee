"""The regularized incomplete beta function and its inverse, on numpy arrays.

The Jeffreys bounds are quantiles of Beta(k + 1/2, n - k + 1/2), that is the
inverse of I_x(a, b) in x. `scipy.special.betaincinv` computes it, but
importing SciPy's special functions is a fifth of a small `forecast score`
(issue 12), so this module has its own, held to SciPy to 1e-12 relative by
tests/scoring/test_scoring_special_functions.py.

I_x(a, b) is the continued fraction of Numerical Recipes (`betacf`, modified
Lentz), used on the side of the mean where it converges fast: above
(a + 1)/(a + b + 2) the function is 1 - I_(1-x)(b, a). Its prefactor
x^a (1-x)^b / B(a, b) is where precision is lost for large a and b, where
ln B(a, b) is a difference of numbers near 1e6: with both parameters >=
STIRLING_FROM the prefactor is written with Stirling's formula as
sqrt(ab / (2 pi (a + b))) (x/x0)^a ((1-x)/(1-x0))^b e^(corrections), x0 the mean,
and with one of them large `log_gamma_ratio` does the cancelling (DiDonato and
Morris, ACM TOMS 708, `brcomp` and `algdiv`). Where a is small, b large and x a
little above the switch, the mirrored fraction (near 1) cancels digits; there
the hypergeometric series of positive terms is summed instead.

The inverse (as Cephes `incbi` and Numerical Recipes `invbetai`) starts from
Abramowitz and Stegun 26.5.22 (or a power-law tail guess for a or b < 1), then
takes Halley steps inside a bracket that every evaluation narrows, so a step
that would leave it is replaced by a bisection; where the tail it measures is
nearly a power of x (far below or above the mean), Newton's step is taken on
the tail's logarithm instead, which crosses many decades in one step. It
solves for the smaller of x and 1 - x (mirroring the parameters when the
quantile lies above 1/2) and measures the residual against the tail it
computed, never 1 minus a number near 1: quantiles near 0 and near 1 keep
their relative precision.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring.gamma import STIRLING_FROM, log_beta, stirling_correction

_EPSILON = float(np.finfo(np.float64).eps)
_TINY = 1e-300
_MAX_FRACTION_TERMS = 100_000
_MAX_STEPS = 200
_SERIES_BLOCK = 32


def betainc(a: ArrayLike, b: ArrayLike, x: ArrayLike) -> np.ndarray:
    """I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 <= x <= 1."""
    a, b, x = (np.asarray(v, dtype=np.float64) for v in np.broadcast_arrays(a, b, x))
    lower, upper, _ = _tails(a, b, x, 1.0 - x)
    return np.where(np.isnan(lower), 1.0 - upper, lower)


def betaincinv(a: ArrayLike, b: ArrayLike, p: ArrayLike) -> np.ndarray:
    """The x in [0, 1] with I_x(a, b) = p: the p-quantile of Beta(a, b); a, b > 0."""
    a, b, p = (np.array(v, dtype=np.float64) for v in np.broadcast_arrays(a, b, p))
    out = np.full(a.shape, np.nan)
    valid = (a > 0) & (b > 0) & (p >= 0) & (p <= 1)
    out[valid & (p == 0)] = 0.0
    out[valid & (p == 1)] = 1.0
    inside = valid & (p > 0) & (p < 1)
    a, b, p = a[inside], b[inside], p[inside]
    q = 1.0 - p  # exact for p >= 1/2; below, its rounding is small beside q
    # Solve for whichever of x and 1 - x is the smaller, so that a quantile
    # near 1 keeps the digits of its distance from 1: above 1/2 (where
    # I_(1/2)(a, b) < p) the mirrored problem I_y(b, a) = 1 - p gives y = 1 - x.
    half = np.full(p.shape, 0.5)
    lower, upper, _ = _tails(a, b, half, half)
    above_half = np.where(np.isnan(lower), q < upper, lower < p)
    # Both kinds are solved in one pass of the same arrays (each point's steps are its
    # own): every pass costs numpy's per-call overhead, which on the few dozen cells of
    # a scoreboard is nearly all of its time.
    y = _lower_quantile(
        np.where(above_half, b, a),
        np.where(above_half, a, b),
        np.where(above_half, q, p),
        np.where(above_half, p, q),
    )
    out[inside] = np.where(above_half, 1.0 - y, y)
    return out


def _lower_quantile(a: np.ndarray, b: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """betaincinv where the quantile is at most 1/2, by bracketed Halley steps.

    q is 1 - p, given by the caller as exactly as it has it: the residual is
    measured against whichever tail `_tails` computed directly.
    """
    x = _initial_guess(a, b, p, q)
    low = np.zeros_like(x)
    high = np.full(x.shape, 0.5)
    active = np.ones(x.shape, dtype=bool)
    for _ in range(_MAX_STEPS):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        xa, aa, ba = x[idx], a[idx], b[idx]
        ya = 1.0 - xa
        lower, upper, density = _tails(aa, ba, xa, ya)
        residual = np.where(np.isnan(lower), q[idx] - upper, lower - p[idx])
        low[idx] = np.where(residual < 0.0, xa, low[idx])
        high[idx] = np.where(residual > 0.0, xa, high[idx])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton = residual / density
            curvature = (aa - 1.0) / xa - (ba - 1.0) / ya  # f'(x) / f(x)
            correction = newton * curvature
            # Halley's correction only where it is a correction; far from the
            # root it would shrink every step to about 1/curvature.
            step = np.where(np.abs(correction) < 1.0, newton / (1.0 - 0.5 * correction), newton)
            # Below the mean I_x(a, b) is close to a power of x, so Newton on
            # ln I against ln x lands near the root from decades away, where a
            # step in x would creep toward it by a fraction of x at a time.
            log_step = (np.log(p[idx]) - np.log(lower)) * lower / (xa * density)
            by_log = ~np.isnan(lower) & (lower > 0.0)
            proposed = np.where(by_log, xa * np.exp(log_step), xa - step)
            step = np.where(by_log, xa * -np.expm1(log_step), step)
            # Above it the upper tail is the small number: the same on its logarithm.
            upper_log = ~np.isnan(upper) & (upper > 0.0)
            upper_step = (np.log(q[idx]) - np.log(upper)) * upper / density
            proposed = np.where(upper_log, xa - upper_step, proposed)
            step = np.where(upper_log, upper_step, step)
        target = np.where(np.isnan(lower), q[idx], p[idx])
        converged = (residual == 0.0) | (
            (np.abs(step) <= 4.0 * _EPSILON * xa) & (np.abs(residual) <= 1e-6 * target)
        )
        lo, hi = low[idx], high[idx]
        outside = ~np.isfinite(proposed) | (proposed <= lo) | (proposed >= hi)
        # A bisection that also works across many decades: geometric where the
        # bracket's ends are far apart in ratio, a thousandth of x while it has
        # no lower end.
        with np.errstate(divide="ignore", invalid="ignore"):
            geometric = np.where(lo > 0.0, np.sqrt(lo * hi), xa * 1e-3)
        halfway = np.where((lo > 0.0) & (hi <= 4.0 * lo), 0.5 * (lo + hi), geometric)
        proposed = np.where(converged, xa, np.where(outside, halfway, proposed))
        done = converged | (hi - lo <= 2.0 * _EPSILON * hi)
        x[idx] = proposed
        active[idx[done]] = False
    return x


def _initial_guess(a: np.ndarray, b: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """A first x for I_x(a, b) = p, q = 1 - p (Numerical Recipes 6.4, `invbetai`)."""
    guess = np.empty_like(p)
    both_large = (a >= 1.0) & (b >= 1.0)
    if both_large.any():
        aa, bb, pp = a[both_large], b[both_large], p[both_large]
        t = np.sqrt(-2.0 * np.log(np.minimum(pp, q[both_large])))
        # The upper normal deviate of the smaller tail, negated for an upper
        # tail; Abramowitz and Stegun's w grows with it as x falls below the mean.
        z = t - (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481))
        z = np.where(pp > 0.5, -z, z)
        al = (z * z - 3.0) / 6.0
        h = 2.0 / (1.0 / (2.0 * aa - 1.0) + 1.0 / (2.0 * bb - 1.0))
        w = z * np.sqrt(al + h) / h - (1.0 / (2.0 * bb - 1.0) - 1.0 / (2.0 * aa - 1.0)) * (
            al + 5.0 / 6.0 - 2.0 / (3.0 * h)
        )
        with np.errstate(over="ignore"):
            guess[both_large] = aa / (aa + bb * np.exp(2.0 * w))
    small = ~both_large
    if small.any():
        aa, bb, pp, qq = a[small], b[small], p[small], q[small]
        log_mean = np.log(aa / (aa + bb))
        log_complement = np.log(bb / (aa + bb))
        t = np.exp(aa * log_mean) / aa
        u = np.exp(bb * log_complement) / bb
        w = t + u
        with np.errstate(divide="ignore", over="ignore", under="ignore"):
            head = np.exp((np.log(aa * w) + np.log(pp)) / aa)
            tail = 1.0 - np.exp((np.log(bb * w) + np.log(qq)) / bb)
        guess[small] = np.where(pp < t / w, head, tail)
    return np.clip(np.nan_to_num(guess, nan=0.25), _TINY, 0.5)


def _tails(
    a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The tail each point computes directly, and the density of Beta(a, b) at x.

    Returns (lower, upper, density): lower is I_x(a, b) where x lies below
    (a + 1)/(a + b + 2) and NaN elsewhere; upper is 1 - I_x(a, b) =
    I_y(b, a) where x lies above it and NaN elsewhere. y is 1 - x, passed so
    that a caller that has it more precisely than 1 - x gives it.
    """
    lower = np.full(x.shape, np.nan)
    upper = np.full(x.shape, np.nan)
    powers = _power_terms(a, b, x, y)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        density = powers / (x * y)
    flip = x > (a + 1.0) / (a + b + 2.0)
    # For a small and b large the mirrored fraction, near 1, loses digits to
    # cancellation; there the series of positive terms converges in a few
    # dozen terms and the lower tail (not small there) is taken directly.
    # (Where the upper tail is below 1e-3 it is taken from the fraction after
    # all: 1 minus the series would keep too few of its digits.)
    by_series = flip & (a <= STIRLING_FROM) & ((a + b) * x <= 40.0) & (x > 0.0) & (x <= 0.5)
    if by_series.any():
        series = np.zeros(x.shape)
        series[by_series] = (
            powers[by_series]
            * _positive_series(a[by_series], b[by_series], x[by_series])
            / a[by_series]
        )
        by_series &= series <= 1.0 - 1e-3
        lower[by_series] = series[by_series]
    flip &= ~by_series
    at_zero = x <= 0.0
    at_one = y <= 0.0
    direct = ~flip & ~by_series & ~at_zero & ~at_one
    mirror = flip & ~at_zero & ~at_one
    fraction = direct | mirror
    if fraction.any():
        # One fraction for both sides, the mirrored points with their parameters
        # swapped (one loop instead of two: see betaincinv).
        swap = mirror[fraction]
        fa, fb, fx, fy = a[fraction], b[fraction], x[fraction], y[fraction]
        first = np.where(swap, fb, fa)
        value = (
            powers[fraction]
            * _continued_fraction(
                first, np.where(swap, fa, fb), np.where(swap, fy, fx), np.where(swap, fx, fy)
            )
            / first
        )
        lower[direct] = value[~swap]
        upper[mirror] = value[swap]
    lower[at_zero] = 0.0
    upper[at_one & ~at_zero] = 0.0
    return lower, upper, density


def _power_terms(a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x^a y^b / B(a, b), without the cancellation of ln B for large a and b."""
    out = np.zeros(x.shape)
    inside = (x > 0.0) & (y > 0.0)
    both_large = inside & (np.minimum(a, b) >= STIRLING_FROM)
    other = inside & ~both_large
    if both_large.any():
        aa, bb, xx, yy = a[both_large], b[both_large], x[both_large], y[both_large]
        total = aa + bb
        mean = aa / total
        # 1 - mean, not b / total: the exponent is stationary in the mean only
        # when the two add up to 1, so its rounding then costs nothing.
        complement = 1.0 - mean
        # x - mean from whichever of x and y is exact (the smaller).
        offset = np.where(xx <= 0.5, xx - mean, complement - yy)
        # log1p of the relative offset near the mean, a plain log of the ratio
        # far from it (where log1p of a number near -1 would keep no digits).
        from_mean, from_complement = offset / mean, -offset / complement
        with np.errstate(divide="ignore"):
            log_x_ratio = np.where(np.abs(from_mean) < 0.5, np.log1p(from_mean), np.log(xx / mean))
            log_y_ratio = np.where(
                np.abs(from_complement) < 0.5, np.log1p(from_complement), np.log(yy / complement)
            )
        exponent = (
            aa * log_x_ratio
            + bb * log_y_ratio
            + stirling_correction(total)
            - stirling_correction(aa)
            - stirling_correction(bb)
        )
        out[both_large] = np.sqrt(aa * bb / (2.0 * np.pi * total)) * np.exp(exponent)
    if other.any():
        aa, bb, xx, yy = a[other], b[other], x[other], y[other]
        # ln x and ln y each from whichever of x and y is the smaller.
        with np.errstate(divide="ignore"):
            log_x = np.where(xx <= 0.5, np.log(xx), np.log1p(-yy))
            log_y = np.where(xx <= 0.5, np.log1p(-xx), np.log(yy))
        with np.errstate(under="ignore"):
            out[other] = np.exp(aa * log_x + bb * log_y - log_beta(aa, bb))
    return out


def _positive_series(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """sum over n of (a + b)_n / (a + 1)_n x^n, the hypergeometric series of I_x(a, b).

    Summed term by term in order, stopping after the first term below a quarter
    of an ulp of the sum; the terms are taken _SERIES_BLOCK at a time (a running
    product and a running sum along each row, which multiply and add in the
    same order as one term at a time), so that a few dozen terms cost a few
    numpy calls, not a few per term.
    """
    total = np.ones_like(x)
    term = np.ones_like(x)
    idx = np.arange(x.size)
    for start in range(0, _MAX_FRACTION_TERMS, _SERIES_BLOCK):
        n = np.arange(start, min(start + _SERIES_BLOCK, _MAX_FRACTION_TERMS), dtype=np.float64)
        ai, bi, xi = a[idx, None], b[idx, None], x[idx, None]
        factors = (ai + bi + n) * xi / (ai + 1.0 + n)
        terms = np.cumprod(np.concatenate([term[idx, None], factors], axis=1), axis=1)[:, 1:]
        sums = np.cumsum(np.concatenate([total[idx, None], terms], axis=1), axis=1)[:, 1:]
        small = ~(terms > _EPSILON * 0.25 * sums)  # a NaN term ends its row too
        done = small.any(axis=1)
        last = np.where(done, small.argmax(axis=1), n.size - 1)
        rows = np.arange(idx.size)
        term[idx] = terms[rows, last]
        total[idx] = sums[rows, last]
        idx = idx[~done]
        if idx.size == 0:
            break
    return total


def _continued_fraction(a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The continued fraction of I_x(a, b) (Numerical Recipes `betacf`), elementwise."""
    c = np.ones_like(x)
    # 1 - (a + b) x / (a + 1), rearranged so that x near 1 cancels nothing.
    d = (1.0 + a * y - b * x) / (a + 1.0)
    d = np.where(np.abs(d) < _TINY, _TINY, d)
    d = 1.0 / d
    h = d.copy()
    idx = np.arange(x.size)
    for m in range(1, _MAX_FRACTION_TERMS + 1):
        aa, bb, xx = a[idx], b[idx], x[idx]
        cc, dd = c[idx], d[idx]
        m2 = 2.0 * m
        even = m * (bb - m) * xx / ((aa - 1.0 + m2) * (aa + m2))
        dd = 1.0 + even * dd
        dd = np.where(np.abs(dd) < _TINY, _TINY, dd)
        cc = 1.0 + even / cc
        cc = np.where(np.abs(cc) < _TINY, _TINY, cc)
        dd = 1.0 / dd
        h[idx] *= dd * cc
        odd = -(aa + m) * (aa + bb + m) * xx / ((aa + m2) * (aa + 1.0 + m2))
        dd = 1.0 + odd * dd
        dd = np.where(np.abs(dd) < _TINY, _TINY, dd)
        cc = 1.0 + odd / cc
        cc = np.where(np.abs(cc) < _TINY, _TINY, cc)
        dd = 1.0 / dd
        delta = dd * cc
        h[idx] *= delta
        c[idx], d[idx] = cc, dd
        converged = np.abs(delta - 1.0) <= _EPSILON
        if converged.any():
            idx = idx[~converged]
            if idx.size == 0:
                break
    return h
