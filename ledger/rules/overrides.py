"""Verdicts changed by hand: what counts as a withdrawal or an override, and when one needs --force.

A claim's resolution history is append-only: the resolver writes "auto"
verdicts from prices, a person writes "manual" ones (`forecast resolve ID
--outcome ...`, `forecast void ID`). Hand changes must stay possible (a
source withdraws a call, a price series is wrong), but each is a way to pick
cherries, so the ledger derives two facts from the history and shows them on
every scoreboard row:

withdrawn (voided after resolution)
    The claim is void now and had a true or false verdict before the void.
    Voiding a claim that resolved FALSE takes a miss out of every score.
overridden (manual override)
    The current verdict is a manual true/false that differs from what the
    data judged. "What the data judged" (`data_verdict`) is the last
    automatic verdict; when the prices never judged the claim, a manual
    verdict recorded after the deadline stands in for it (a claim on a
    symbol with no data has to be settled by someone). So a manual verdict
    that flips an automatic one, or one that settles a claim on or before
    its deadline without the data agreeing, is an override; a manual verdict
    that agrees with the prices, or settles an unjudgeable claim after its
    deadline, is not.

`needs_force` applies the same definition before the fact: a manual verdict
that would count as an override is refused unless the user says --force (and
gives a note, which every manual verdict needs). Voiding needs a reason, not
--force: it is counted as a withdrawal instead.

Days: a verdict "on or before the deadline" is one recorded on a day <= the
deadline; the deadline day itself is not over until its bar is final, the same
rule that keeps claims out of scores until `deadline < today`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

AUTO = "auto"
MANUAL = "manual"
DECIDED = ("true", "false")


@dataclass(frozen=True)
class Ruling:
    """One entry of a claim's resolution history."""

    outcome: str  # true, false or void
    method: str  # auto or manual
    recorded_on: date


@dataclass(frozen=True)
class HandChanges:
    """What hands did to a claim's verdict, and the verdict the data gave it.

    `data_outcome` is "true", "false", or None when the data never judged the
    claim (scored "as the data judged it", such a claim is still open).
    """

    withdrawn: bool
    overridden: bool
    data_outcome: str | None


def data_verdict(history: Sequence[Ruling], deadline: date) -> str | None:
    """The last automatic true/false verdict, else the last manual one made after the deadline."""
    for ruling in reversed(history):
        if ruling.method == AUTO and ruling.outcome in DECIDED:
            return ruling.outcome
    for ruling in reversed(history):
        if ruling.method == MANUAL and ruling.outcome in DECIDED and ruling.recorded_on > deadline:
            return ruling.outcome
    return None


def hand_changes(history: Sequence[Ruling], deadline: date) -> HandChanges | None:
    """The claim's withdrawal or override, oldest-first `history`; None when there is neither."""
    if not history:
        return None
    current = history[-1]
    judged = data_verdict(history, deadline)
    withdrawn = current.outcome == "void" and any(r.outcome in DECIDED for r in history[:-1])
    overridden = (
        current.method == MANUAL and current.outcome in DECIDED and judged != current.outcome
    )
    if not (withdrawn or overridden):
        return None
    return HandChanges(withdrawn=withdrawn, overridden=overridden, data_outcome=judged)


def needs_force(history: Sequence[Ruling], outcome: str, deadline: date, today: date) -> str | None:
    """Why a manual `outcome` recorded `today` would be an override (None: it would not be).

    The reason names what is overridden: the prices' verdict, or a deadline
    that has not passed.
    """
    if outcome not in DECIDED:
        return None
    after = [*history, Ruling(outcome, MANUAL, today)]
    if data_verdict(after, deadline) == outcome:
        return None
    automatic = next(
        (r for r in reversed(history) if r.method == AUTO and r.outcome in DECIDED), None
    )
    if automatic is not None:
        return f"the prices resolved it {automatic.outcome} on {automatic.recorded_on}"
    return f"its deadline {deadline} has not passed"
