"""Revised bars: which verdicts stood on them, and how a revision reads.

A feed revises past bars: Yahoo's continuous COMEX futures (GC=F, SI=F) move
bars around a contract roll by up to 1.6% (gold) and 3.5% (silver), and any
source may correct a bad print. The ledger keeps both versions of such a bar
and judges every resolved claim whose verdict could depend on it again, on
the corrected data (`ledger.services.corrections`). This module holds the
two decisions that need no database:

* `stood_on`: whether a verdict depended on the bar of a given day. A verdict
  that saw a crossing (a touch that came true, a hold that broke) stood on
  every bar from its window's start to the crossing: the earlier ones showed
  none, the crossing bar showed it; bars after it are irrelevant. A close
  claim stood on its deciding close alone. Every other verdict (a touch that
  never came, a hold that held, an average, a band) stood on its whole
  window. Its evidence bar is always one it stood on (a deadline on a
  holiday settles on the session before it, inside the window).
* `revision_reason`: the words that go with a re-judged verdict, naming the
  day and each price that changed ("data revised on 2025-03-05: high
  2,412.3 -> 2,398.1"), so a reader of the history sees why it moved.

A revision compares the bars as stored (after `ledger.bars`' repairs), to the
precision of a float written and read back: a source that serves the same
numbers again has revised nothing. A bar stored on its own day may have been
unfinished: its session going on (a later close, a wider range) is no
revision, a narrower range is (`is_revision`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ledger.claims.model import ClaimKind

PRICE_FIELDS: tuple[str, ...] = ("open", "high", "low", "close")
# The order a reason lists changed prices in: the ones rules read first.
_REASON_ORDER: tuple[str, ...] = ("high", "low", "close", "open")
SAME_PRICE_TOLERANCE = 1e-12
"""Relative difference below which two stored prices are the same number
(float noise of a round trip through text or a database, never a revision)."""


@dataclass(frozen=True)
class BarChange:
    """One bar as it was stored and as the source serves it now."""

    symbol: str
    day: date
    old: tuple[float, float, float, float]  # open, high, low, close
    # None: the source now rejects the bar it served before (`new_quality` "rejected")
    new: tuple[float, float, float, float] | None
    old_quality: str = "ok"
    new_quality: str = "ok"

    def changed(self) -> list[tuple[str, float, float]]:
        """(field, old, new) for each price that differs, in the order a reason lists them."""
        if self.new is None:
            return []
        old = dict(zip(PRICE_FIELDS, self.old, strict=True))
        new = dict(zip(PRICE_FIELDS, self.new, strict=True))
        return [
            (name, old[name], new[name])
            for name in _REASON_ORDER
            if not same_price(old[name], new[name])
        ]


def same_price(a: float, b: float) -> bool:
    """Whether two stored prices are one number (see `SAME_PRICE_TOLERANCE`)."""
    return math.isclose(a, b, rel_tol=SAME_PRICE_TOLERANCE, abs_tol=0.0) or a == b


def is_revision(
    old: tuple[float, float, float, float],
    new: tuple[float, float, float, float],
    *,
    provisional: bool = False,
) -> bool:
    """Whether a re-fetched bar's prices differ from the stored ones.

    A `provisional` stored bar was fetched on its own day, before its session
    could be final: the finished bar may have a later close and a wider range
    (that is the session going on, not a revision), but never a narrower one:
    a high that came down or a low that went up is a revision.
    """
    if provisional:
        _, old_high, old_low, _ = old
        _, new_high, new_low, _ = new
        return (new_high < old_high and not same_price(new_high, old_high)) or (
            new_low > old_low and not same_price(new_low, old_low)
        )
    return not all(same_price(a, b) for a, b in zip(old, new, strict=True))


def _number(value: float) -> str:
    return f"{value:,.10g}"


def revision_reason(change: BarChange, claim_symbol: str | None = None) -> str:
    """'data revised on DAY: high 2,412.3 -> 2,398.1' (every price that changed), the
    revised leg named first when the claim is judged on two assets ('SI=F data ...')."""
    parts = [f"{name} {_number(old)} -> {_number(new)}" for name, old, new in change.changed()]
    if change.old_quality != change.new_quality:
        parts.append(f"bar {change.old_quality} -> {change.new_quality}")
    leg = f"{change.symbol} " if claim_symbol not in (None, change.symbol) else ""
    return (
        f"{leg}data revised on {change.day.isoformat()}: {', '.join(parts) or 'no price changed'}"
    )


def stood_on(
    kind: str,
    outcome: str,
    window_start: date,
    deadline: date,
    evidence_date: date | None,
    day: date,
) -> bool:
    """Whether a verdict (`outcome` true or false) depended on the bar of `day`.

    See the module docstring for the rule. A verdict without an evidence day
    is taken to have stood on its whole window.
    """
    if evidence_date is not None and day == evidence_date:
        return True
    family = ClaimKind(kind).family
    crossing = (family == "touch" and outcome == "true") or (
        family == "hold" and outcome == "false"
    )
    if crossing and evidence_date is not None:
        return window_start <= day <= evidence_date
    if family == "close" and evidence_date is not None:
        return False
    return window_start <= day <= max(deadline, evidence_date or deadline)
