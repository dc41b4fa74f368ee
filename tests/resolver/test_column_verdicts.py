"""The resolution rows a run writes for claims judged by the column are those the
claim-by-claim path writes (`_evidence` of each Verdict), field for field.

The run keeps one writer for both paths (`settle_claim_columns`, which
`settle_claims` calls); what differs is how a verdict becomes a row, so that is
what is held equal here, on random scenarios
and on evidence dated before 1970 (a negative day number).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from price_files import bars_spiking_on_1969_12_31

from ledger.claims.model import Claim, ClaimKind
from ledger.records import RESOLUTION_EVIDENCE
from ledger.resolver import _evidence, _evidence_columns
from ledger.rules import resolve_many
from ledger.rules.judge import resolve_columns
from tests.rules.test_rule_columns import columns_of
from tests.rules.test_rules_properties import Scenario, frame, scenarios, split_series


def expected_rows(claims, bars, as_of, splits, gaps) -> list[tuple]:
    verdicts = resolve_many(claims, bars, as_of, splits, gaps=gaps)
    return [
        tuple(_evidence(v, "csv").get(c) for c in RESOLUTION_EVIDENCE)
        for v in verdicts
        if v.outcome is not None
    ]


def written_rows(claims, bars, as_of, splits, gaps, *, iso: bool) -> list[tuple]:
    verdicts = resolve_columns(columns_of(claims), bars, as_of, splits, gaps=gaps)
    decided = np.flatnonzero(verdicts.outcome != -1)
    columns = _evidence_columns(verdicts, decided, "csv", iso_dates=iso)
    assert list(columns) == list(RESOLUTION_EVIDENCE)
    return list(zip(*columns.values(), strict=True))


def as_iso(row: tuple) -> tuple:
    return tuple(v.isoformat() if isinstance(v, date) else v for v in row)


@settings(deadline=None)  # examples: the profile (HYPOTHESIS_MAX_EXAMPLES)
@given(scenario=scenarios())
def test_column_rows_equal_the_claim_path(scenario: Scenario) -> None:
    args = (
        scenario.claims,
        frame(scenario.bars),
        scenario.as_of,
        split_series(scenario.splits),
        scenario.rejected,
    )
    expected = expected_rows(*args)
    assert written_rows(*args, iso=False) == expected
    assert written_rows(*args, iso=True) == [as_iso(row) for row in expected]


@pytest.mark.parametrize("kind", [ClaimKind.TOUCH_ABOVE, ClaimKind.CLOSE_ABOVE])
def test_evidence_on_the_last_day_of_1969(kind: ClaimKind) -> None:
    """1969-12-31 is day -1: it is a date, not a missing one."""
    bars = bars_spiking_on_1969_12_31()
    claim = Claim(
        symbol="TEST=X",
        asset="TEST",
        kind=kind,
        level=120.0,
        made_on=date(1969, 12, 22),
        window_start=date(1969, 12, 23),
        deadline=date(1969, 12, 31),
    )
    args = ([claim], bars, date(1970, 1, 9), None, None)
    rows = written_rows(*args, iso=False)
    assert rows[0][0] == date(1969, 12, 31)
    assert rows == expected_rows(*args)
    assert written_rows(*args, iso=True)[0][0] == "1969-12-31"
