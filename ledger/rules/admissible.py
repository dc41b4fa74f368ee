"""Whether a stored claim can be judged at all, before any date arithmetic touches it.

Every path into the ledger checks a new claim's bounds (`ledger.claims.bounds`),
but a ledger can still hold values from before those checks existed, or
written by hand in SQL: a made_on in year 1, an infinite level, a NaN
reference price. One such claim must not stop a run: the resolver and the
market baseline subtract weeks and years from made_on, and year 1 minus a
year is an OverflowError that would end every later run before it judged
anything.

So the rules ask first. A claim outside the bounds a new claim must meet is
left open with the reason `invalid_claim` and this module's message, and
every other claim is judged as usual. The bounds are the entry bounds, less
the one that depends on the clock (made_on in the future), which the
resolver has no business re-deciding: the window start of an average claim
must not be before the earliest made_on either, and the symbol must not be
blank (no source can be asked for it).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from ledger.claims.bounds import EARLIEST_MADE_ON, MAX_PRICE, BoundsError, check_claim
from ledger.claims.model import Claim


def unjudgeable(claim: Claim) -> str | None:
    """Why `claim` cannot be judged (one line for its open_detail), or None if it can."""
    if not claim.symbol or not claim.symbol.strip():
        return "the symbol is empty"
    try:
        # date.max: a made_on ahead of today is not for the resolver to judge.
        check_claim(claim, today=date.max)
    except BoundsError as error:
        return str(error)
    except (ValueError, OverflowError, TypeError) as error:
        # latest_deadline() of a made_on near year 9999 has no year to land in.
        return f"its dates or numbers cannot be computed with: {error}"
    if claim.window_start < EARLIEST_MADE_ON:
        return (
            f"window_start {claim.window_start.isoformat()} is before "
            f"{EARLIEST_MADE_ON.isoformat()}"
        )
    return None


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_EARLIEST_DAY = EARLIEST_MADE_ON.toordinal() - _EPOCH_ORDINAL
# The last made_on whose hundred-year horizon still has a year to land in.
_LATEST_MADE_ON_DAY = date(9899, 12, 31).toordinal() - _EPOCH_ORDINAL
# Fewer days than any hundred-year horizon has (36,521 at the least: 24 leap
# days, less three for a 31st clamped to the 28th).
_SURE_HORIZON_DAYS = 36_500


def surely_judgeable(
    made_on: np.ndarray,
    window_start: np.ndarray,
    deadline: np.ndarray,
    level: np.ndarray,
    upper: np.ndarray,
    is_band: np.ndarray,
    has_upper: np.ndarray,
) -> np.ndarray:
    """Per claim of a fixed level (no relative level, rule, second asset or vague
    call), whether `unjudgeable` would surely find nothing: dates in day numbers
    since 1970-01-01, `upper` NaN where the claim has none; `has_upper` says where
    it has one, since a stored NaN (PostgreSQL keeps one) is an upper level that
    `unjudgeable` refuses, not a missing one.

    A run holds 100k claims, and the exact check costs 10 us a claim; this one
    is a few numpy operations. It is conservative: a claim it does not vouch
    for goes through `unjudgeable`, which gives the reason if there is one.
    """
    made_on = np.asarray(made_on, dtype=np.int64)
    level = np.asarray(level, dtype=np.float64)
    upper = np.asarray(upper, dtype=np.float64)
    is_band = np.asarray(is_band, dtype=bool)
    has_upper = np.asarray(has_upper, dtype=bool)
    with np.errstate(invalid="ignore"):
        level_ok = np.isfinite(level) & (level != 0) & (np.abs(level) <= MAX_PRICE)
        upper_ok = np.isfinite(upper) & (upper != 0) & (np.abs(upper) <= MAX_PRICE)
        band_ok = np.where(is_band, has_upper & upper_ok & (level < upper), ~has_upper)
    return (
        (made_on >= _EARLIEST_DAY)
        & (made_on <= _LATEST_MADE_ON_DAY)
        & (np.asarray(window_start) >= _EARLIEST_DAY)
        & (np.asarray(deadline) >= made_on)
        & (np.asarray(deadline) - made_on <= _SURE_HORIZON_DAYS)
        & level_ok
        & band_ok
    )
