"""Which verdicts stood on a revised bar, and how a revision reads (ledger.rules.revisions)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.model import ClaimKind
from ledger.rules.revisions import BarChange, is_revision, revision_reason, stood_on

START, DEADLINE = date(2025, 3, 3), date(2025, 3, 31)
EVIDENCE = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("kind", "outcome", "day", "expected"),
    [
        pytest.param("touch_above", "true", EVIDENCE, True, id="touch-true-its-crossing-bar"),
        pytest.param("touch_above", "true", date(2025, 3, 5), True, id="touch-true-bar-before"),
        pytest.param("touch_above", "true", date(2025, 3, 20), False, id="touch-true-bar-after"),
        pytest.param(
            "touch_below", "false", date(2025, 3, 20), True, id="touch-false-whole-window"
        ),
        pytest.param("hold_above", "false", date(2025, 3, 20), False, id="hold-broken-bar-after"),
        pytest.param("hold_above", "true", date(2025, 3, 20), True, id="hold-held-whole-window"),
        pytest.param("close_above", "true", EVIDENCE, True, id="close-its-deciding-bar"),
        pytest.param("close_above", "false", date(2025, 3, 11), False, id="close-another-day"),
        pytest.param("average_above", "true", date(2025, 3, 4), True, id="average-whole-window"),
        pytest.param("touch_above", "false", date(2025, 4, 2), False, id="after-the-window"),
    ],
)
def test_which_bars_a_verdict_stood_on(kind: str, outcome: str, day: date, expected: bool) -> None:
    assert stood_on(kind, outcome, START, DEADLINE, EVIDENCE, day) is expected


@given(
    kind=st.sampled_from([k.value for k in ClaimKind if not k.is_vague]),
    outcome=st.sampled_from(["true", "false"]),
    evidence_offset=st.integers(0, 28),
    day_offset=st.integers(-10, 40),
)
def test_a_verdict_stands_on_its_evidence_bar_and_nothing_before_its_window(
    kind: str, outcome: str, evidence_offset: int, day_offset: int
) -> None:
    evidence = START + timedelta(days=evidence_offset)
    day = START + timedelta(days=day_offset)
    assert stood_on(kind, outcome, START, DEADLINE, evidence, evidence)
    if day < START:
        assert not stood_on(kind, outcome, START, DEADLINE, evidence, day)


prices = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
bars = st.tuples(prices, prices, prices, prices)


@given(old=bars, new=bars)
def test_a_reason_names_exactly_the_prices_that_changed(old, new) -> None:
    change = BarChange("GC=F", EVIDENCE, old, new)
    named = {name for name, _, _ in change.changed()}
    differs = {
        n for n, a, b in zip(("open", "high", "low", "close"), old, new, strict=True) if a != b
    }
    # Float noise below the tolerance is no revision; anything else is named.
    assert named <= differs
    assert is_revision(old, new) == bool(named)
    reason = revision_reason(change)
    assert reason.startswith("data revised on 2025-03-12: ")
    for name in named:
        assert f"{name} " in reason


def test_a_reason_reads_as_the_issue_says() -> None:
    change = BarChange("GC=F", EVIDENCE, (2400, 2412.3, 2390, 2401), (2400, 2398.1, 2390, 2401))
    assert revision_reason(change) == "data revised on 2025-03-12: high 2,412.3 -> 2,398.1"
    assert not is_revision((1.0, 2.0, 0.5, 1.5), (1.0, 2.0 * (1 + 1e-15), 0.5, 1.5))
