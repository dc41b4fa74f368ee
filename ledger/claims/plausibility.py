"""Levels far from the market: recorded as written, but said out loud.

A level a thousand times the price ("gold $1e12", a pasted phone number, a
level in cents) is almost always a typo, and a typo recorded is a claim that
can never come true: it drags its source's hit rate down forever, and the
ledger is append-only, so it can only be voided. The ledger cannot *refuse*
such a level, since some calls are wild on purpose (bitcoin to a million),
so it warns when a level is more than `FAR_FACTOR` times above or below the
last close it knows for the asset, and the user decides.

Pure: the caller looks the close up (the price cache) and passes it in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ledger.claims.model import Claim, shown_price

FAR_FACTOR = 20.0


@dataclass(frozen=True)
class KnownClose:
    """The close the ledger knows for an asset nearest a call's day."""

    day: date
    close: float


def stated_levels(claim: Claim) -> list[float]:
    """The levels the user wrote: not a computed one (the market set it), not a relative
    one (measured from a close), nothing for outperformance or vague calls."""
    if claim.kind.is_vague or claim.is_outperformance:
        return []
    if claim.level_rule is not None or claim.relative is not None:
        return []
    return [v for v in (claim.level, claim.upper) if v is not None and math.isfinite(v)]


def far_level_warnings(claim: Claim, known: KnownClose | None) -> list[str]:
    """One line per stated level more than FAR_FACTOR times away from the known close."""
    if known is None or not math.isfinite(known.close) or known.close <= 0:
        return []
    lines = []
    for level in stated_levels(claim):
        if level <= 0:
            continue
        ratio = level / known.close
        if ratio > FAR_FACTOR:
            away = f"{_times(ratio)} times the"
        elif ratio < 1 / FAR_FACTOR:
            away = f"1/{_times(1 / ratio)} of the"
        else:
            continue
        lines.append(
            f"level {shown_price(level)} is {away} last known {claim.symbol} close"
            f" ({shown_price(known.close)} on {known.day.isoformat()})"
        )
    return lines


def _times(ratio: float) -> str:
    """A factor as a reader takes it in: 25, 4,900, 2.5e+08."""
    return f"{ratio:.1e}" if ratio >= 1e6 else f"{ratio:,.0f}"
