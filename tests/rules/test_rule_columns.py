"""`resolve_columns` (the rules over claims held as arrays) gives `resolve_many`'s verdicts.

A resolve run judges its fixed-level claims by the column; every other path
(and every test of the rules themselves) goes through `resolve_many`. The two
share the rules, so what is checked here is the border: the columns in, and
each verdict field out, equal to the Verdict of the same claim.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from price_files import bars_spiking_on_1969_12_31

from ledger.claims.model import Claim, ClaimKind
from ledger.rules import resolve_many
from ledger.rules.calendar import day_numbers
from ledger.rules.judge import NO_DAY, ClaimColumns, VerdictColumns, resolve_columns
from tests.rules.test_rules_properties import Scenario, frame, scenarios, split_series


def columns_of(claims: list[Claim]) -> ClaimColumns:
    def stated(claim: Claim) -> float:
        if claim.level is not None:
            return claim.level
        if claim.relative is not None and claim.reference_price is not None:
            return claim.relative.apply(claim.reference_price)
        return math.nan

    return ClaimColumns(
        symbol=claims[0].symbol if claims else "TEST=X",
        kind=[c.kind.value for c in claims],
        made_on=day_numbers([c.made_on for c in claims]),
        window_start=day_numbers([c.window_start for c in claims]),
        deadline=day_numbers([c.deadline for c in claims]),
        level=np.array([stated(c) for c in claims], dtype=np.float64),
        upper=np.array([math.nan if c.upper is None else c.upper for c in claims]),
    )


def day_or_none(day: int) -> date | None:
    return None if day == NO_DAY else date(1970, 1, 1) + timedelta(days=int(day))


def float_or_none(value: float) -> float | None:
    return None if math.isnan(value) else value


def assert_same(verdicts: VerdictColumns, claims: list[Claim], bars, as_of, splits, gaps) -> None:
    expected = resolve_many(claims, bars, as_of, splits, gaps=gaps)
    assert len(verdicts.outcome) == len(expected)
    for index, verdict in enumerate(expected):
        outcome = {1: "true", 0: "false", -1: None}[int(verdicts.outcome[index])]
        assert outcome == (None if verdict.outcome is None else verdict.outcome.value)
        assert verdicts.open_reason[index] == verdict.open_reason
        assert verdicts.open_detail[index] == verdict.open_detail
        assert verdicts.evidence_field[index] == verdict.evidence_field
        assert verdicts.bar_quality[index] == verdict.bar_quality
        assert float_or_none(verdicts.evidence_price[index]) == verdict.evidence_price
        assert float_or_none(verdicts.closest_price[index]) == verdict.closest_price
        assert float_or_none(verdicts.level_used[index]) == verdict.level_used
        assert float_or_none(verdicts.stated_level[index]) == verdict.stated_level
        assert float(verdicts.split_factor[index]) == verdict.split_factor
        touch = int(verdicts.days_to_touch[index])
        assert (None if touch < 0 else touch) == verdict.days_to_touch
        if verdict.outcome is not None:  # a decided verdict's dates are what is written
            assert day_or_none(verdicts.evidence_day[index]) == verdict.evidence_date
            assert day_or_none(verdicts.closest_day[index]) == verdict.closest_date


@settings(deadline=None)  # examples: the profile (HYPOTHESIS_MAX_EXAMPLES)
@given(scenario=scenarios())
def test_columns_give_the_verdicts_of_resolve_many(scenario: Scenario) -> None:
    bars, splits = frame(scenario.bars), split_series(scenario.splits)
    verdicts = resolve_columns(
        columns_of(scenario.claims), bars, scenario.as_of, splits, gaps=scenario.rejected
    )
    assert_same(verdicts, scenario.claims, bars, scenario.as_of, splits, scenario.rejected)


@pytest.mark.parametrize(
    "kind", [ClaimKind.TOUCH_ABOVE, ClaimKind.CLOSE_BELOW, ClaimKind.HOLD_ABOVE]
)
def test_evidence_before_1970_keeps_its_date(kind: ClaimKind) -> None:
    """Day numbers before 1970 are negative: 1969-12-31 is -1, which must not read as none."""
    bars = bars_spiking_on_1969_12_31()
    claim = Claim(
        symbol="TEST=X",
        asset="TEST",
        kind=kind,
        level=120.0 if kind is not ClaimKind.HOLD_ABOVE else 99.5,
        made_on=date(1969, 12, 22),
        window_start=date(1969, 12, 23),
        deadline=date(1969, 12, 31),
    )
    as_of = date(1970, 1, 9)
    verdicts = resolve_columns(columns_of([claim]), bars, as_of)
    assert verdicts.outcome[0] != -1
    assert_same(verdicts, [claim], bars, as_of, None, None)
