"""Market-implied probabilities: how likely was the claim by the market's own odds?

A source that calls "gold touches 2,000" when gold is at 1,990 has not shown
much. The baseline against which every claim is measured is the chance it
would come true if the price moved like a random walk with the volatility the
asset actually had over the year before the call, using only data available
on made_on.

The model
---------
The price follows a driftless geometric Brownian motion in the martingale
sense: dS = sigma S dW, so E[S_T] = S_0 and the log price has drift
nu = -sigma^2 / 2. "Driftless" means the forecast of the price is today's
price, neither bullish nor bearish; zero *log* drift would instead make the
median price flat and the mean rise, a small bullish tilt. Every formula below
takes the log drift as a parameter and is called with nu = -sigma^2 / 2, and
the Monte Carlo tests simulate exactly that process.

With X_t = ln(S_t / S_0) = nu t + sigma W_t and b = ln(L / S_0):

* close_above: P(X_T >= b) = Φ((nu T - b) / (sigma sqrt T)); close_below is
  its complement (ties have probability zero).
* touch_above, L > S_0 (reflection principle with drift):
  P(max X >= b) = Φ((-b + nu T)/(sigma sqrt T))
                  + exp(2 nu b / sigma^2) Φ((-b - nu T)/(sigma sqrt T)),
  and exp(2 nu b / sigma^2) = S_0 / L for the martingale drift. touch_below is
  the mirror image (X -> -X, nu -> -nu, b -> -b).
* hold_above = 1 - touch_below and hold_below = 1 - touch_above: "never
  trades below L" is "does not touch L from above".
* close_between a band [L, U]: P(a <= X_T <= c) with a = ln(L / S_0) and
  c = ln(U / S_0), the difference of two lognormal CDFs,
  Φ((nu T - a)/(sigma sqrt T)) - Φ((nu T - c)/(sigma sqrt T)).
* hold_between [L, U]: the probability that X never leaves (a, c) by T, the
  double-barrier survival of a drifted Brownian motion. The standard series
  (the killed heat kernel's sine expansion, times the Girsanov factor of the
  drift), with w = c - a, u = -a, kappa = nu / sigma^2, m_n = n pi / w:
    P = exp(-kappa u - nu^2 T / (2 sigma^2)) sum_n (2/w) sin(m_n u)
        exp(-m_n^2 sigma^2 T / 2) m_n (1 - (-1)^n e^{kappa w}) / (kappa^2 + m_n^2).
  It converges fast once sigma sqrt T is not small next to w; below w / 8
  the chance of reaching both edges is under 1e-15, and the survival is one
  minus the two single-barrier touch probabilities (closed forms above). A
  window that opens later (forward start) integrates the survival over the
  log price at the window start (Gauss-Legendre over +-10 standard
  deviations inside the band). Checked against a seeded Monte Carlo with a
  Brownian-bridge correction in the tests.
* average_above/below: the arithmetic mean A of the price over the period
  has no closed-form distribution. It is approximated by a shifted lognormal
  c + exp(m + s Z) with the same first three moments, all closed-form under
  the martingale (E[A] = S_0; E[A^2], E[A^3] in `_average_moments`),
  including a forward start t_1. This is the two-moment lognormal of Levy
  (1992) and Turnbull and Wakeman (1991) plus a skewness match: checked
  against a fine-grid Monte Carlo, the error in probability is below 0.01
  for sigma^2 (T - t_1) <= 0.8 (90% volatility over a year), where the
  two-moment fit is already off by 0.03; both fits degrade beyond (0.02 at
  sigma^2 tau = 1, 0.09 at 2). The continuous average stands in for the
  mean of daily closes; for periods of a few weeks or more the difference is
  small next to the model error. If the call was made inside the period, the
  closes already seen are given as `realized_weight` and `realized_mean`, and
  only the rest is random.

Forward start. When the window opens later than the day after made_on
("touches 100 between March and June", said in January), touches before the
window must not count. Integrating the barrier formula over the log price at
the window start gives a closed form in the bivariate normal CDF Φ2, with
rho = sqrt(t_1 / T):
  P(max_{[t_1, T]} X >= b) = 1 - Φ2(d1, d2; rho) + e^{2 nu b / sigma^2} Φ2(e1, e2; -rho),
  d1 = (b - nu t_1)/(sigma sqrt t_1), d2 = (b - nu T)/(sigma sqrt T),
  e1 = (b + nu t_1)/(sigma sqrt t_1), e2 = (-b - nu T)/(sigma sqrt T).
Φ2 is computed from Owen's T function, which scipy vectorizes (imported only
when a forward-start window needs it; Φ and log Φ are `ledger.scoring.normal`'s).

Continuous monitoring. The rules judge touch and hold claims on daily highs
and lows, which see the whole trading day, so the continuous running maximum
is the right model (a daily-close Monte Carlo would understate touches).

Edge cases: for a window that opens at made_on, a touch level already
reached at the start has probability 1 and a hold level already broken has
probability 0 (for a forward-start window neither is settled yet). When sigma sqrt(T) = 0 (zero
volatility, or a deadline not after made_on) the price stays at S_0 and each
claim is decided by where S_0 stands (at-or-above / at-or-below, as the claim
language reads). Invalid inputs (missing sigma, non-positive prices) give NaN,
the "no market probability" marker used throughout the scoring.

Time and volatility. T is calendar days / 365.25. Volatility is annualized
with the asset's own number of bars per 365.25 calendar days (about 252 for
stocks and futures, 365 for crypto), so sigma^2 T is the daily variance times
the number of bars expected before the deadline, for either kind of asset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import ArrayLike

from ledger.claims.model import ClaimKind
from ledger.scoring._arrays import factorize
from ledger.scoring.normal import log_normal_cdf, normal_cdf

DAYS_PER_YEAR = 365.25
VOL_WINDOW_DAYS = 365
MIN_RETURNS = 60

KIND_ORDER: tuple[ClaimKind, ...] = tuple(k for k in ClaimKind if k is not ClaimKind.OUTPERFORM)
"""Integer code of each kind in `kind_codes`: its position here (an outperformance is
priced by `ledger.scoring.two_assets`)."""

_CODE = {kind: code for code, kind in enumerate(KIND_ORDER)}
_TOUCH_ABOVE = _CODE[ClaimKind.TOUCH_ABOVE]
_TOUCH_BELOW = _CODE[ClaimKind.TOUCH_BELOW]
_CLOSE_ABOVE = _CODE[ClaimKind.CLOSE_ABOVE]
_CLOSE_BELOW = _CODE[ClaimKind.CLOSE_BELOW]
_HOLD_ABOVE = _CODE[ClaimKind.HOLD_ABOVE]
_HOLD_BELOW = _CODE[ClaimKind.HOLD_BELOW]
_AVERAGE_ABOVE = _CODE[ClaimKind.AVERAGE_ABOVE]
_AVERAGE_BELOW = _CODE[ClaimKind.AVERAGE_BELOW]
_CLOSE_BETWEEN = _CODE[ClaimKind.CLOSE_BETWEEN]
_HOLD_BETWEEN = _CODE[ClaimKind.HOLD_BETWEEN]
_VAGUE = _CODE[ClaimKind.VAGUE]
_ABOVE_CODES = np.array([kind.is_above for kind in KIND_ORDER])
_BAND_CODES = np.array([kind.is_band for kind in KIND_ORDER])

# The double-barrier series: terms kept, and where the single-barrier form takes over.
_SERIES_TERMS = 24  # the 25th term is below e^-48 once sigma sqrt(T) > w / 8
_SHORT_HORIZON = 1.0 / 8.0  # sigma sqrt(T) below this share of the band's log width
_QUADRATURE_NODES = 48
_FORWARD_CHUNK = 2000

# Owen's T formula for Φ2 divides by h and k; an exact zero is moved off by an
# amount whose effect on the result (about 1e-13) is far below any use of it.
_NUDGE = 1e-13


# --------------------------------------------------------------------------
# Time


def year_fraction(start: ArrayLike, end: ArrayLike) -> np.ndarray:
    """Calendar years from start to end (days / 365.25); negative if end is earlier."""
    start_day = np.asarray(start, dtype="datetime64[D]")
    end_day = np.asarray(end, dtype="datetime64[D]")
    return (end_day - start_day).astype(np.float64) / DAYS_PER_YEAR


def window_start_years(made_on: ArrayLike, window_start: ArrayLike) -> np.ndarray:
    """The forward start of each claim's window in years, 0 for the usual window.

    A window that opens the day after made_on (or earlier, for an average
    period already under way) starts from the made_on close, S_0; only a
    window that opens later is a forward start.
    """
    made = np.asarray(made_on, dtype="datetime64[D]")
    start = np.asarray(window_start, dtype="datetime64[D]")
    gap_days = (start - made).astype(np.float64)
    return np.where(gap_days > 1.0, gap_days / DAYS_PER_YEAR, 0.0)


# --------------------------------------------------------------------------
# Realized volatility


@dataclass(frozen=True)
class VolatilityEstimate:
    """Realized volatility as of a date, or why there is none.

    `sigma` is annualized; `periods_per_year` is the number of bars per
    365.25 calendar days actually observed in the window; `reason` is set
    exactly when `sigma` is None.
    """

    sigma: float | None
    periods_per_year: float | None
    n_returns: int
    reason: str | None = None


@dataclass(frozen=True)
class VolatilityArrays:
    """Realized volatility for many as-of dates of one price series (NaN = not enough data).

    `spot` is the last close on or before each as-of date (NaN if none): the
    S_0 of a claim made that day. `non_positive` counts the closes at or below
    zero in the window (crude oil, April 2020): where there are any, sigma is
    NaN, since log returns of such a series mean nothing (`lognormal_obstacle`).
    """

    sigma: np.ndarray
    periods_per_year: np.ndarray
    n_returns: np.ndarray
    spot: np.ndarray
    non_positive: np.ndarray | None = None


def realized_volatility_many(
    closes: ArrayLike,
    dates: ArrayLike,
    as_of: ArrayLike,
    *,
    window_days: int = VOL_WINDOW_DAYS,
    min_returns: int = MIN_RETURNS,
) -> VolatilityArrays:
    """Realized volatility of one series at many dates, in one vectorized pass.

    Uses the bars dated from as_of - window_days through as_of inclusive (the
    close on made_on is known when the claim is scored against it, nothing
    later is). sigma^2 = periods_per_year * mean(r^2) over the daily log
    returns r in the window. The mean return is not subtracted: the model is
    driftless, and a year's trend is not a forecast of the next. Returns that
    touch a missing or non-positive close are skipped. Fewer than
    `min_returns` usable returns (default 60, about a quarter of trading
    days: fewer make sigma too noisy to judge a claim by) gives NaN.

    `dates` must be sorted ascending and unique (the bars frame guarantees it).
    """
    close = np.asarray(closes, dtype=np.float64)
    day = np.asarray(dates, dtype="datetime64[D]").astype(np.int64)
    if close.shape != day.shape or close.ndim != 1:
        raise ValueError("closes and dates must be one-dimensional and of equal length")
    if day.size > 1 and np.any(np.diff(day) <= 0):
        raise ValueError("dates must be strictly ascending")
    as_of_day = np.atleast_1d(np.asarray(as_of, dtype="datetime64[D]")).astype(np.int64)
    if day.size == 0:
        nothing = np.full(as_of_day.shape, np.nan)
        return VolatilityArrays(
            nothing, nothing.copy(), np.zeros(as_of_day.shape, np.int64), nothing.copy()
        )

    with np.errstate(divide="ignore", invalid="ignore"):
        log_close = np.log(np.where(close > 0.0, close, np.nan))
    cum_non_positive = np.concatenate(([0], np.cumsum(close <= 0.0)))
    returns = np.diff(log_close)
    usable = np.isfinite(returns)
    cum_sq = np.concatenate(([0.0], np.cumsum(np.where(usable, returns * returns, 0.0))))
    cum_usable = np.concatenate(([0], np.cumsum(usable)))

    last = np.searchsorted(day, as_of_day, side="right") - 1
    first = np.searchsorted(day, as_of_day - window_days, side="left")
    has_bar = last >= 0
    last_c = np.maximum(last, 0)
    first_c = np.minimum(first, last_c)
    intervals = last_c - first_c
    n_returns = np.where(has_bar, cum_usable[last_c] - cum_usable[first_c], 0)
    sum_sq = cum_sq[last_c] - cum_sq[first_c]
    span_days = (day[last_c] - day[first_c]).astype(np.float64)
    # Closes at or below zero among the bars of the window, both ends included.
    non_positive = np.where(has_bar, cum_non_positive[last_c + 1] - cum_non_positive[first_c], 0)
    enough = has_bar & (n_returns >= max(min_returns, 1)) & (span_days > 0) & (non_positive == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        periods = intervals * DAYS_PER_YEAR / span_days
        sigma = np.sqrt(periods * sum_sq / n_returns)
    spot = np.where(has_bar, close[last_c], np.nan)
    return VolatilityArrays(
        sigma=np.where(enough, sigma, np.nan),
        periods_per_year=np.where(enough, periods, np.nan),
        n_returns=n_returns.astype(np.int64),
        spot=spot,
        non_positive=non_positive.astype(np.int64),
    )


def lognormal_obstacle(
    spot: float, level: float | None, upper: float | None, non_positive: int
) -> str | None:
    """Why the lognormal model cannot give a claim a baseline, or None when it can.

    The model is a geometric Brownian motion: prices stay positive forever. For
    an asset whose price can be zero or negative (energy futures, CL=F at
    -37.63 on 2020-04-20) it has nothing honest to say when the spot, the
    level or the band's ceiling is at or below zero, or when the year of
    closes the volatility comes from holds one (log returns across it are
    meaningless). Such a claim gets no baseline and this reason, rather than a
    probability of 0 or 1 the model would print and the market never implied:
    it is counted like any claim without a baseline, never scored against one.
    """
    if not spot > 0.0:
        return (
            f"no baseline: the close on made_on was {spot:g}, and the lognormal model "
            "needs positive prices"
        )
    if non_positive:
        return (
            f"no baseline: {non_positive} close(s) at or below zero in the year before made_on; "
            "the lognormal model needs positive prices"
        )
    for name, value in (("level", level), ("band ceiling", upper)):
        if value is not None and np.isfinite(value) and not value > 0.0:
            return (
                f"no baseline: the {name} {value:g} is at or below zero, which a lognormal "
                "price never reaches"
            )
    return None


def realized_volatility(
    closes: ArrayLike,
    dates: ArrayLike,
    as_of: date | np.datetime64 | str,
    *,
    window_days: int = VOL_WINDOW_DAYS,
    min_returns: int = MIN_RETURNS,
) -> VolatilityEstimate:
    """Realized volatility as of one date (as `realized_volatility_many`), or why there is none."""
    close = np.asarray(closes, dtype=np.float64)
    result = realized_volatility_many(
        close, dates, [np.datetime64(as_of, "D")], window_days=window_days, min_returns=min_returns
    )
    n = int(result.n_returns[0])
    if np.isfinite(result.sigma[0]):
        return VolatilityEstimate(
            float(result.sigma[0]), float(result.periods_per_year[0]), n, None
        )
    as_of_text = str(np.datetime64(as_of, "D"))
    non_positive = 0 if result.non_positive is None else int(result.non_positive[0])
    if not np.isfinite(result.spot[0]):
        reason = f"no usable close on or before {as_of_text}"
    elif non_positive:
        reason = (
            f"{non_positive} close(s) at or below zero in the {window_days} days to {as_of_text};"
            " log returns across them mean nothing"
        )
    else:
        reason = (
            f"only {n} daily returns in the {window_days} days to {as_of_text};"
            f" at least {min_returns} are needed for a volatility"
        )
    return VolatilityEstimate(None, None, n, reason)


# --------------------------------------------------------------------------
# Probabilities


def kind_codes(kinds: ArrayLike) -> np.ndarray:
    """Integer codes (positions in KIND_ORDER) for kinds given as ClaimKind, str or int."""
    values = np.asarray(kinds)
    if values.dtype.kind in "iu":
        if values.size and (values.min() < 0 or values.max() >= len(KIND_ORDER)):
            raise ValueError(f"kind codes must lie in 0..{len(KIND_ORDER) - 1}")
        return values.astype(np.int64)
    codes, uniques = factorize(np.asarray(values, dtype=object))
    try:
        mapping = np.array([_CODE[ClaimKind(str(value))] for value in uniques], dtype=np.int64)
    except ValueError as error:
        raise ValueError(f"unknown claim kind: {error}") from error
    return mapping[codes].reshape(values.shape) if mapping.size else codes.astype(np.int64)


def bivariate_normal_cdf(h: ArrayLike, k: ArrayLike, rho: ArrayLike) -> np.ndarray:
    """Φ2(h, k; rho) = P(Z1 <= h, Z2 <= k) for standard normals with correlation rho.

    Owen (1956): Φ2 = (Φ(h) + Φ(k))/2 - T(h, a_h) - T(k, a_k) - beta, with
    a_h = (k - rho h)/(h sqrt(1 - rho^2)), a_k likewise, and beta = 1/2 when h
    and k have opposite signs, else 0. Requires |rho| < 1.
    """
    h, k, rho = (np.asarray(x, dtype=np.float64) for x in (h, k, rho))
    h = np.where(h == 0.0, _NUDGE, h)
    k = np.where(k == 0.0, _NUDGE, k)
    # Imported here: only a forward-start window needs Owen's T, and importing
    # scipy.special cost 0.17 s of every resolve run (issue 12).
    from scipy.special import owens_t

    root = np.sqrt(1.0 - rho * rho)
    t_h = owens_t(h, (k - rho * h) / (h * root))
    t_k = owens_t(k, (h - rho * k) / (k * root))
    beta = np.where(h * k < 0.0, 0.5, 0.0)
    value = 0.5 * (normal_cdf(h) + normal_cdf(k)) - t_h - t_k - beta
    return np.clip(value, 0.0, 1.0)


def _touch_up(b: np.ndarray, nu: np.ndarray, sigma: np.ndarray, t: np.ndarray) -> np.ndarray:
    """P(max_{[0, t]} X >= b) for X = nu s + sigma W_s, sigma sqrt(t) > 0."""
    sd = sigma * np.sqrt(t)
    with np.errstate(over="ignore"):
        reflected = np.exp(2.0 * nu * b / sigma**2 + log_normal_cdf((-b - nu * t) / sd))
    value = normal_cdf((-b + nu * t) / sd) + reflected
    return np.where(b <= 0.0, 1.0, np.clip(value, 0.0, 1.0))


def _touch_up_forward(
    b: np.ndarray, nu: np.ndarray, sigma: np.ndarray, t_start: np.ndarray, t: np.ndarray
) -> np.ndarray:
    """P(max_{[t_start, t]} X >= b), 0 < t_start < t (closed form, module docstring)."""
    rho = np.sqrt(t_start / t)
    sd_start = sigma * np.sqrt(t_start)
    sd_end = sigma * np.sqrt(t)
    stay = bivariate_normal_cdf((b - nu * t_start) / sd_start, (b - nu * t) / sd_end, rho)
    mirrored = bivariate_normal_cdf((b + nu * t_start) / sd_start, (-b - nu * t) / sd_end, -rho)
    with np.errstate(over="ignore"):
        value = 1.0 - stay + np.exp(2.0 * nu * b / sigma**2) * mirrored
    return np.clip(value, 0.0, 1.0)


def _touch_up_window(
    b: np.ndarray, nu: np.ndarray, sigma: np.ndarray, t_start: np.ndarray, t: np.ndarray
) -> np.ndarray:
    """P(X reaches b during [t_start, t]); a window of one instant is a terminal claim."""
    out = np.empty(b.shape)
    now = t_start <= 0.0
    instant = (~now) & (t_start >= t)
    forward = ~(now | instant)
    out[now] = _touch_up(b[now], nu[now], sigma[now], t[now])
    sd = sigma[instant] * np.sqrt(t[instant])
    out[instant] = normal_cdf((nu[instant] * t[instant] - b[instant]) / sd)
    if forward.any():  # Owen's T (and SciPy with it) only where a window opens later
        out[forward] = _touch_up_forward(
            b[forward], nu[forward], sigma[forward], t_start[forward], t[forward]
        )
    return out


def _stay_between(
    x0: np.ndarray,
    a: np.ndarray,
    c: np.ndarray,
    nu: np.ndarray,
    sigma: np.ndarray,
    t: np.ndarray,
) -> np.ndarray:
    """P(a < x0 + nu s + sigma W_s < c for all s in [0, t]); 0 from outside the band.

    The series of the module docstring where it converges within
    `_SERIES_TERMS` terms, one minus the two one-sided touches where the
    horizon is too short for the path to reach both edges.
    """
    out = np.zeros(x0.shape)
    inside = (x0 > a) & (x0 < c)
    sd = sigma * np.sqrt(np.maximum(t, 0.0))
    width = c - a
    still = inside & (sd == 0.0)
    out[still] = 1.0
    moving = inside & (sd > 0.0)
    short = moving & (sd <= _SHORT_HORIZON * width)
    up = _touch_up(c[short] - x0[short], nu[short], sigma[short], t[short])
    down = _touch_up(x0[short] - a[short], -nu[short], sigma[short], t[short])
    out[short] = np.clip(1.0 - up - down, 0.0, 1.0)
    rows = moving & ~short
    if rows.any():
        out[rows] = _double_barrier_series(
            x0[rows] - a[rows], width[rows], nu[rows], sigma[rows], t[rows]
        )
    return out


def _double_barrier_series(
    u: np.ndarray, w: np.ndarray, nu: np.ndarray, sigma: np.ndarray, t: np.ndarray
) -> np.ndarray:
    """The sine series for the survival in (0, w) from u, drift nu (module docstring)."""
    n = np.arange(1, _SERIES_TERMS + 1, dtype=np.float64)
    m = n[None, :] * np.pi / w[:, None]
    kappa = (nu / sigma**2)[:, None]
    sign = np.where(n % 2 == 0, 1.0, -1.0)[None, :]  # (-1)^n
    terms = (
        (2.0 / w[:, None])
        * np.sin(m * u[:, None])
        * np.exp(-0.5 * m**2 * (sigma**2 * t)[:, None])
        * m
        * (1.0 - sign * np.exp(kappa * w[:, None]))
        / (kappa**2 + m**2)
    )
    girsanov = np.exp(-(nu / sigma**2) * u - nu**2 * t / (2.0 * sigma**2))
    return np.clip(girsanov * terms.sum(axis=1), 0.0, 1.0)


def _stay_between_window(
    a: np.ndarray,
    c: np.ndarray,
    nu: np.ndarray,
    sigma: np.ndarray,
    t_start: np.ndarray,
    t: np.ndarray,
) -> np.ndarray:
    """P(X stays inside (a, c) during [t_start, t]), X_0 = 0."""
    out = np.empty(a.shape)
    now = t_start <= 0.0
    zero = np.zeros(int(now.sum()))
    out[now] = _stay_between(zero, a[now], c[now], nu[now], sigma[now], t[now])
    later = np.flatnonzero(~now)
    for chunk in np.array_split(later, max(1, -(-later.size // _FORWARD_CHUNK))):
        if chunk.size:
            out[chunk] = _stay_between_forward(
                a[chunk], c[chunk], nu[chunk], sigma[chunk], t_start[chunk], t[chunk]
            )
    return out


def _stay_between_forward(
    a: np.ndarray,
    c: np.ndarray,
    nu: np.ndarray,
    sigma: np.ndarray,
    t_start: np.ndarray,
    t: np.ndarray,
) -> np.ndarray:
    """The forward-start survival: E[stay(X_{t_start})] over X_{t_start} inside the band."""
    mean = nu * t_start
    sd = sigma * np.sqrt(t_start)
    lo = np.maximum(a, mean - 10.0 * sd)
    hi = np.minimum(c, mean + 10.0 * sd)
    nodes, weights = np.polynomial.legendre.leggauss(_QUADRATURE_NODES)
    half = np.maximum(hi - lo, 0.0) / 2.0
    x = (lo + half)[:, None] + half[:, None] * nodes[None, :]
    density = np.exp(-0.5 * ((x - mean[:, None]) / sd[:, None]) ** 2) / (
        sd[:, None] * np.sqrt(2.0 * np.pi)
    )
    count = _QUADRATURE_NODES

    def spread(values: np.ndarray) -> np.ndarray:
        return np.repeat(values, count)

    survive = _stay_between(
        x.ravel(), spread(a), spread(c), spread(nu), spread(sigma), spread(t - t_start)
    ).reshape(x.shape)
    value = (half[:, None] * weights[None, :] * density * survive).sum(axis=1)
    return np.clip(value, 0.0, 1.0)


def _excess_second(c: np.ndarray) -> np.ndarray:
    """h(c) = (e^c - 1 - c - c^2/2) / c^2, with its series where the closed form cancels."""
    small = c < 1e-2
    c_safe = np.where(small, 1.0, c)
    closed = (np.expm1(c_safe) - c_safe - 0.5 * c_safe**2) / c_safe**2
    series = c / 6.0 + c**2 / 24.0 + c**3 / 120.0 + c**4 / 720.0
    return np.where(small, series, closed)


def _average_moments(v_start: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """E[A^2] - 1 and E[A^3] - 1 for A = mean of S/S_0 over [t_1, T] (E[A] = 1).

    With v_start = sigma^2 t_1 and k = sigma^2 (T - t_1), A = (S_{t_1}/S_0) A'
    with the two factors independent, E[(S_{t_1}/S_0)^n] = exp(n(n-1) v_start / 2),
    E[A'^2] = 2 g(k) and E[A'^3] = (3/k)(g(3k) - g(k)), g(c) = (e^c - 1 - c)/c^2
    (from E[S_u S_v] = e^{sigma^2 u} and E[S_u S_v S_w] = e^{sigma^2 (2u + v)}
    for u <= v <= w). The "minus one" forms keep precision when k is tiny.
    """
    # An absurd volatility (a price swinging between 1e-300 and 1e300) overflows
    # the moments to inf; the caller's moment matching then yields no number.
    with np.errstate(over="ignore", invalid="ignore"):
        second_future = 2.0 * _excess_second(k)
        small = k < 1e-2
        k_safe = np.where(small, 1.0, k)
        third_closed = 3.0 / k_safe * (_excess_second(3.0 * k_safe) - _excess_second(k_safe)) - 1.0
        third_series = k + 13.0 * k**2 / 20.0 + k**3 / 3.0 + 121.0 * k**4 / 840.0
        third_future = np.where(small, third_series, third_closed)
        second = np.expm1(v_start) + np.exp(v_start) * second_future
        third = np.expm1(3.0 * v_start) + np.exp(3.0 * v_start) * third_future
    return second, third


def _average_above(level_ratio: np.ndarray, v_start: np.ndarray, k: np.ndarray) -> np.ndarray:
    """P(A >= level_ratio) for A = mean of S/S_0 over the window (E[A] = 1).

    Shifted lognormal A ≈ c + exp(m + s Z) with the first three moments of A:
    the skewness fixes w = e^{s^2} (closed-form inverse of the lognormal
    skewness (w + 2) sqrt(w - 1)), the variance fixes e^m, the mean fixes c.
    Accuracy: see the module docstring (below 0.01 for k <= 0.8). The
    two-moment lognormal of Levy (1992) errs by 0.02 already at k = 0.5,
    because it misses the skew of the average.
    """
    variance, third = _average_moments(v_start, k)
    central_third = third - 3.0 * variance
    skew = np.maximum(central_third, 0.0) / variance**1.5
    # d^3 = 1 + (skew^2 + skew sqrt(skew^2 + 4)) / 2; w - 1 = (d - 1)^2 / d.
    d_minus_one = np.expm1(np.log1p(0.5 * (skew**2 + skew * np.sqrt(skew**2 + 4.0))) / 3.0)
    w_minus_one = d_minus_one**2 / (1.0 + d_minus_one)
    s = np.sqrt(np.log1p(w_minus_one))
    scale = np.sqrt(variance / ((1.0 + w_minus_one) * w_minus_one))  # e^m
    shift = 1.0 - scale * np.sqrt(1.0 + w_minus_one)
    excess = level_ratio - shift
    with np.errstate(divide="ignore", invalid="ignore"):
        tail = normal_cdf((np.log(scale) - np.log(excess)) / s)
    return np.where(excess > 0.0, tail, 1.0)


def market_probabilities(
    kinds: ArrayLike,
    s0: ArrayLike,
    levels: ArrayLike,
    t_years: ArrayLike,
    sigma: ArrayLike,
    *,
    t_start_years: ArrayLike | None = None,
    realized_weight: ArrayLike | None = None,
    realized_mean: ArrayLike | None = None,
    log_drift: ArrayLike | None = None,
    uppers: ArrayLike | None = None,
) -> np.ndarray:
    """Market-implied probability of each claim coming true (NaN where it cannot be computed).

    kinds: ClaimKind / str / int codes; s0: the close on made_on; levels: the
    claim level L; t_years: made_on to deadline (`year_fraction`); sigma:
    annualized volatility as of made_on. Optional, per claim:
    t_start_years: forward start of the window (`window_start_years`; 0 for
    the usual window); realized_weight, realized_mean: for an average claim
    made inside its period, the share of the period's closes already seen
    and their mean (weight 0 when none); log_drift: the drift of the log
    price per year when the series is not a martingale (a ratio of two
    prices, `ledger.scoring.two_assets`), -sigma^2/2 when not given. Average
    claims assume a martingale: with another drift they get NaN.
    uppers: a band's ceiling (`levels`
    is its floor), NaN or absent for every other kind.
    """
    code = kind_codes(kinds).ravel()
    n = code.size

    def column(values: ArrayLike | None, default: float) -> np.ndarray:
        if values is None:
            return np.full(n, default)
        return np.broadcast_to(np.asarray(values, dtype=np.float64), (n,)).ravel()

    spot = column(s0, np.nan)
    level = column(levels, np.nan)
    t = column(t_years, np.nan)
    vol = column(sigma, np.nan)
    t_start = column(t_start_years, 0.0)
    weight = column(realized_weight, 0.0)
    seen_mean = column(realized_mean, np.nan)
    drift = column(log_drift, np.nan)
    martingale = np.isnan(drift) | (drift == -0.5 * np.nan_to_num(vol, nan=0.0) ** 2)
    upper = column(uppers, np.nan)
    is_band = _BAND_CODES[code]

    out = np.full(n, np.nan)
    valid = (
        (code != _VAGUE)
        & (~is_band | (np.isfinite(upper) & (upper > level)))
        & (
            np.isfinite(spot)
            & (spot > 0.0)
            & np.isfinite(level)
            & (level > 0.0)
            & np.isfinite(t)
            & np.isfinite(vol)
            & (vol >= 0.0)
            & np.isfinite(t_start)
            & np.isfinite(weight)
            & (weight >= 0.0)
            & (weight <= 1.0)
            & ((weight == 0.0) | np.isfinite(seen_mean))
        )
    )
    t = np.maximum(t, 0.0)
    t_start = np.clip(t_start, 0.0, t)
    above = _ABOVE_CODES[code]

    # A price that cannot move decides every claim from where it starts (for an
    # average under way, from the closes seen and the flat rest of the period).
    static = valid & (vol * np.sqrt(t) == 0.0)
    is_average = (code == _AVERAGE_ABOVE) | (code == _AVERAGE_BELOW)
    final = np.where(is_average & (weight > 0.0), weight * seen_mean + (1.0 - weight) * spot, spot)
    decided = np.where(above, final >= level, final <= level)
    decided = np.where(is_band, (spot >= level) & (spot <= upper), decided)
    out[static] = decided[static].astype(np.float64)

    moving = valid & ~static
    # A level 1e300 times the spot overflows to an infinite log distance: certain.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        b = np.log(level / spot)
    nu = np.where(np.isnan(drift), -0.5 * vol**2, drift)  # the martingale drift by default

    rows = moving & ((code == _CLOSE_ABOVE) | (code == _CLOSE_BELOW))
    p_above = normal_cdf((nu[rows] * t[rows] - b[rows]) / (vol[rows] * np.sqrt(t[rows])))
    out[rows] = np.where(code[rows] == _CLOSE_ABOVE, p_above, 1.0 - p_above)

    rows = moving & ((code == _TOUCH_ABOVE) | (code == _HOLD_BELOW))
    touch = _touch_up_window(b[rows], nu[rows], vol[rows], t_start[rows], t[rows])
    out[rows] = np.where(code[rows] == _TOUCH_ABOVE, touch, 1.0 - touch)

    # Below: mirror the path (X -> -X, drift -> -drift, level -> -level).
    rows = moving & ((code == _TOUCH_BELOW) | (code == _HOLD_ABOVE))
    touch = _touch_up_window(-b[rows], -nu[rows], vol[rows], t_start[rows], t[rows])
    out[rows] = np.where(code[rows] == _TOUCH_BELOW, touch, 1.0 - touch)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ceiling = np.log(upper / spot)
    rows = moving & (code == _CLOSE_BETWEEN)
    sd = vol[rows] * np.sqrt(t[rows])
    out[rows] = np.clip(
        normal_cdf((nu[rows] * t[rows] - b[rows]) / sd)
        - normal_cdf((nu[rows] * t[rows] - ceiling[rows]) / sd),
        0.0,
        1.0,
    )

    rows = moving & (code == _HOLD_BETWEEN)
    out[rows] = _stay_between_window(
        b[rows], ceiling[rows], nu[rows], vol[rows], t_start[rows], t[rows]
    )

    out[moving & is_average & ~martingale] = np.nan
    rows = moving & is_average & martingale
    out[rows] = _average_probabilities(
        code[rows] == _AVERAGE_ABOVE,
        spot[rows],
        level[rows],
        vol[rows],
        t_start[rows],
        t[rows],
        weight[rows],
        seen_mean[rows],
    )

    return out


def _average_probabilities(
    is_above: np.ndarray,
    spot: np.ndarray,
    level: np.ndarray,
    vol: np.ndarray,
    t_start: np.ndarray,
    t: np.ndarray,
    weight: np.ndarray,
    seen_mean: np.ndarray,
) -> np.ndarray:
    """Average claims: A = w * seen + (1 - w) * future, the future part moment-matched."""
    out = np.empty(spot.shape)
    finished = weight >= 1.0
    seen = np.where(weight > 0.0, seen_mean, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        future_level = (level - weight * seen) / (1.0 - weight)
    # The closes already seen may settle the claim whatever comes next.
    settled = ~finished & (future_level <= 0.0)
    live = ~finished & ~settled
    with np.errstate(over="ignore"):  # a level 1e300 times the spot: an infinite ratio
        p_above = _average_above(
            future_level[live] / spot[live],
            vol[live] ** 2 * t_start[live],
            vol[live] ** 2 * (t[live] - t_start[live]),
        )
    out[live] = np.where(is_above[live], p_above, 1.0 - p_above)
    out[settled] = np.where(is_above[settled], 1.0, 0.0)
    final_above = seen_mean[finished] >= level[finished]
    final_below = seen_mean[finished] <= level[finished]
    out[finished] = np.where(is_above[finished], final_above, final_below)
    return out


def market_probability(
    kind: ClaimKind | str,
    s0: float,
    level: float,
    t_years: float,
    sigma: float | None,
    *,
    t_start_years: float = 0.0,
    realized_weight: float = 0.0,
    realized_mean: float | None = None,
    upper: float | None = None,
) -> float | None:
    """One claim's market-implied probability, or None when it cannot be computed."""
    value = market_probabilities(
        [kind],
        [s0],
        [level],
        [t_years],
        [np.nan if sigma is None else sigma],
        t_start_years=[t_start_years],
        realized_weight=[realized_weight],
        realized_mean=[np.nan if realized_mean is None else realized_mean],
        uppers=[np.nan if upper is None else upper],
    )[0]
    return float(value) if np.isfinite(value) else None
