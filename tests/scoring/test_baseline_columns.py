"""`baseline_columns` (a run's new claims, held as columns) gives each claim the
baseline `baselines_for` gives its BaselineClaim: the same probability, sigma,
spot and note, on random claims over bars with a short history, a negative
close and splits, so that every note (no close yet, too few returns, an
obstacle, an unknown level) and every kind comes up."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from price_files import flat_bars

from ledger.baseline import baseline_columns, baselines_for, columns_history_range, history_range
from ledger.claims.model import LEVEL_KINDS, ClaimKind
from ledger.rules.judge import ClaimColumns
from ledger.store.baselines import BaselineClaim

FIRST_BAR = date(2020, 1, 1)
KINDS = [*LEVEL_KINDS, ClaimKind.CLOSE_BETWEEN, ClaimKind.HOLD_BETWEEN]


def bars_of(negative: bool) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    bars = flat_bars(FIRST_BAR.isoformat(), "2022-12-30", 50.0)
    closes = 50.0 * np.exp(np.cumsum(rng.normal(0, 0.02, len(bars))))
    if negative:
        closes[len(closes) // 2] = -5.0
    bars["close"] = closes
    return bars


claims = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(-30, 1100),  # made_on, days after the first bar
        st.integers(0, 40),  # window start after made_on (0: forward start none)
        st.integers(1, 400),  # deadline after the window start
        st.one_of(st.floats(1.0, 200.0), st.just(-3.0), st.just(math.nan)),
        st.floats(1.0, 100.0),  # a band's width
    ),
    min_size=1,
    max_size=12,
)


@settings(deadline=None, max_examples=150)
@given(
    drawn=claims,
    negative=st.booleans(),
    split=st.sampled_from([None, "2021-06-01"]),
    start_inside=st.booleans(),
)
def test_the_columns_give_what_the_claims_give(drawn, negative, split, start_inside) -> None:
    bars = bars_of(negative)
    splits = None
    if split is not None:
        splits = pd.Series([2.0], index=pd.DatetimeIndex([split], name="date"))
    baseline_claims = []
    for index, (kind, made, start, length, level, width) in enumerate(drawn):
        made_on = FIRST_BAR + timedelta(days=made)
        # An average claim may be made inside its period: its start before made_on.
        window_start = made_on + timedelta(days=-start if start_inside else start)
        upper = None
        if kind.is_band:
            level = abs(level) if level == level else 10.0
            upper = level + width
        baseline_claims.append(
            BaselineClaim(
                index + 1,
                "X",
                kind,
                None if level != level else level,
                None,
                made_on,
                window_start,
                window_start + timedelta(days=length),
                upper=upper,
            )
        )
    expected = [
        (b.market_prob, b.sigma, b.spot, b.note)
        for b in baselines_for(baseline_claims, bars, splits)
    ]
    columns = ClaimColumns(
        "X",
        [c.kind.value for c in baseline_claims],
        _days([c.made_on for c in baseline_claims]),
        _days([c.window_start for c in baseline_claims]),
        _days([c.deadline for c in baseline_claims]),
        np.array([math.nan if c.level is None else c.level for c in baseline_claims]),
        np.array([math.nan if c.upper is None else c.upper for c in baseline_claims]),
    )
    got = list(zip(*baseline_columns(columns, bars, splits), strict=True))
    assert [tuple(map(repr, row)) for row in got] == [tuple(map(repr, row)) for row in expected]
    due = np.ones(len(baseline_claims), dtype=bool)
    assert columns_history_range(columns, due) == history_range(baseline_claims)


def test_no_bars_give_the_same_note() -> None:
    claim = BaselineClaim(
        1, "X", ClaimKind.TOUCH_ABOVE, 10.0, None, FIRST_BAR, FIRST_BAR, FIRST_BAR
    )
    columns = ClaimColumns(
        "X", ["touch_above"], _days([FIRST_BAR]), _days([FIRST_BAR]), _days([FIRST_BAR]),
        np.array([10.0]), np.array([math.nan]),
    )  # fmt: skip
    empty = bars_of(False).iloc[:0]
    (expected,) = baselines_for([claim], empty, None)
    got = [values[0] for values in baseline_columns(columns, empty, None)]
    assert got == [expected.market_prob, expected.sigma, expected.spot, expected.note]


def _days(days: list[date]) -> np.ndarray:
    return np.array([d.isoformat() for d in days], dtype="datetime64[D]").astype(np.int64)
