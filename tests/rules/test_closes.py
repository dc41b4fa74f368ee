"""Judging on closes only (`ledger.rules.closes`): the review list's re-judge.

An independent oracle: on closes only, a touch above is true exactly when some
close in the window reaches the level, and a hold above is false exactly when
some close falls below it.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.model import Claim, ClaimKind, Outcome
from ledger.rules import AT_LEVEL_TOLERANCE, EvidenceField, resolve
from ledger.rules.closes import closes_only, resolve_on_closes

MADE_ON = date(2024, 1, 1)  # a Monday
DEADLINE = date(2024, 1, 12)
AS_OF = date(2024, 2, 1)


def _bars(closes: list[float], spread: list[float], quality: list[str] | None = None):
    days = pd.bdate_range(MADE_ON, periods=len(closes), name="date")
    close = np.array(closes)
    frame = pd.DataFrame(
        {
            "open": close,
            "high": close + np.array(spread),
            "low": close - np.array(spread),
            "close": close,
            "volume": 1.0,
        },
        index=days,
    )
    if quality is not None:
        frame["quality"] = quality
    return frame


def _claim(kind: ClaimKind, level: float) -> Claim:
    return Claim(
        symbol="TEST",
        asset="TEST",
        kind=kind,
        level=level,
        made_on=MADE_ON,
        window_start=MADE_ON + timedelta(days=1),
        deadline=DEADLINE,
    )


CLOSES = [100.0] * 12
WIDE_ON_DAY_5 = [1.0] * 4 + [12.0] + [1.0] * 7  # one bar whose range reaches 112 and 88


@pytest.mark.parametrize(
    ("kind", "level", "intraday", "on_closes"),
    [
        pytest.param(ClaimKind.TOUCH_ABOVE, 110.0, Outcome.TRUE, Outcome.FALSE, id="touch-high"),
        pytest.param(ClaimKind.TOUCH_BELOW, 90.0, Outcome.TRUE, Outcome.FALSE, id="touch-low"),
        pytest.param(ClaimKind.HOLD_ABOVE, 90.0, Outcome.FALSE, Outcome.TRUE, id="hold-broken"),
        pytest.param(ClaimKind.CLOSE_ABOVE, 99.0, Outcome.TRUE, Outcome.TRUE, id="close-same"),
    ],
)
def test_an_intraday_extreme_decides_only_when_highs_and_lows_count(
    kind: ClaimKind, level: float, intraday: Outcome, on_closes: Outcome
) -> None:
    bars = _bars(CLOSES, WIDE_ON_DAY_5, ["ok"] * 4 + ["repaired"] + ["ok"] * 7)
    claim = _claim(kind, level)
    assert resolve(claim, bars, AS_OF).outcome is intraday
    verdict = resolve_on_closes(claim, bars, AS_OF)
    assert verdict.outcome is on_closes
    assert verdict.bar_quality is None  # closes are as quoted: nothing left to flag
    if verdict.evidence_field is not None:
        assert verdict.evidence_field is EvidenceField.CLOSE


def test_closes_only_keeps_the_closes_and_drops_the_flags() -> None:
    bars = _bars(CLOSES, WIDE_ON_DAY_5, ["ok"] * 4 + ["repaired"] + ["ok"] * 7)
    judged = closes_only(bars)
    assert "quality" not in judged.columns
    for column in ("open", "high", "low", "close"):
        assert (judged[column] == bars["close"]).all()
    assert bars["high"].iloc[4] == 112.0  # the input is left as it was


@settings(max_examples=60, deadline=None)
@given(
    closes=st.lists(st.floats(50, 150), min_size=12, max_size=12),
    spreads=st.lists(st.floats(0, 30), min_size=12, max_size=12),
    level=st.floats(60, 140),
)
def test_closes_only_verdicts_match_a_brute_force_over_the_closes(
    closes: list[float], spreads: list[float], level: float
) -> None:
    bars = _bars(closes, spreads)
    window = [
        c for day, c in zip(bars.index.date, closes, strict=True) if MADE_ON < day <= DEADLINE
    ]
    at = level * (1 - AT_LEVEL_TOLERANCE)  # a close within the tolerance is at the level
    touch = resolve_on_closes(_claim(ClaimKind.TOUCH_ABOVE, level), bars, AS_OF)
    assert (touch.outcome is Outcome.TRUE) == any(c >= at for c in window)
    hold = resolve_on_closes(_claim(ClaimKind.HOLD_ABOVE, level), bars, AS_OF)
    assert (hold.outcome is Outcome.FALSE) == any(c < at for c in window)
