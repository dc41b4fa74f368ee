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

from ledger.claims.bounds import EARLIEST_MADE_ON, BoundsError, check_claim
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
