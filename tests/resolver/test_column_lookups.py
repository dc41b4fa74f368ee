"""The column path's look-ups give what the per-claim Python they replaced gave.

A resolve run writes ~100k verdicts a column at a time; the ISO dates, the
evidence notes, the bars' quality texts and the average claims' progress are
made by tables and array masks instead of a Python call per claim (issue 12).
Each test holds one of them to a straightforward per-value reference written
here (the old per-claim expression), including the values that take the
rare branch: NO_DAY, days before 1970, a split note, a quality that is no
str, NaT windows.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.bars import OK, QUALITY_COLUMN
from ledger.baseline import _average_progress
from ledger.resolver import _evidence_columns, _iso_or_none, _note, _quality_texts
from ledger.rules.judge import NO_DAY, ClaimColumns, resolve_columns

DAYS = st.one_of(st.just(int(NO_DAY)), st.integers(-719_162, 2_932_896))  # 0001 .. 9999


def _iso_reference(days: np.ndarray) -> list[str | None]:
    return [None if day == NO_DAY else str(np.datetime64(int(day), "D")) for day in days.tolist()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(DAYS, max_size=30), min_size=1, max_size=4))
def test_iso_dates_equal_numpy_text_across_calls(batches: list[list[int]]) -> None:
    # Several calls in one process: days met before come from the cache.
    for batch in batches:
        days = np.array(batch, dtype=np.int64)
        assert _iso_or_none(days) == _iso_reference(days)


def _bars(days: list[str]) -> pd.DataFrame:
    index = pd.DatetimeIndex(pd.to_datetime(days), name="date")
    close = np.linspace(100.0, 110.0, len(days))
    return pd.DataFrame(
        {"open": close, "high": close + 1, "low": close - 1, "close": close, "volume": 1.0},
        index=index,
    )


def test_evidence_notes_only_where_a_split_moved_the_level() -> None:
    days = [str(d.date()) for d in pd.bdate_range("2024-01-01", "2024-03-29")]
    bars = _bars(days)
    made_on = np.datetime64("2024-01-02").astype(np.int64)
    claims = ClaimColumns(
        "X.DE",
        ["touch_above", "touch_above", "close_below"],
        np.array([made_on] * 3),
        np.array([made_on + 1] * 3),
        np.array([np.datetime64("2024-03-01").astype(np.int64)] * 3),
        np.array([105.0, 400.0, 50.0]),
        np.full(3, np.nan),
    )
    plain = resolve_columns(claims, bars, pd.Timestamp("2024-03-29").date())
    decided = np.flatnonzero(plain.outcome != -1)
    evidence = _evidence_columns(plain, decided, "csv:x", iso_dates=True)
    assert evidence["note"] == [None] * len(decided)
    assert evidence["evidence_field"] == [
        None if plain.evidence_field[i] is None else plain.evidence_field[i].value
        for i in decided.tolist()
    ]
    assert evidence["bar_quality"] == [plain.bar_quality[i] for i in decided.tolist()]
    # A 2-for-1 split after the claims were made halves their levels: every
    # decided claim now carries the note `_note` writes.
    splits = pd.Series(
        [2.0], index=pd.DatetimeIndex([pd.Timestamp("2024-02-01")], name="date"), name="split_ratio"
    )
    split = resolve_columns(claims, bars, pd.Timestamp("2024-03-29").date(), splits)
    decided = np.flatnonzero(split.outcome != -1)
    assert len(decided)
    notes = _evidence_columns(split, decided, "csv:x", iso_dates=True)["note"]
    expected = [
        _note(
            float(split.stated_level[i]), float(split.level_used[i]), float(split.split_factor[i])
        )
        for i in decided.tolist()
    ]
    assert notes == expected
    assert all(note is not None and note.startswith("split-adjusted") for note in notes)


class _Quality(StrEnum):
    OK = "ok"
    REPAIRED = "repaired"


def test_quality_texts_copy_str_and_convert_the_rest() -> None:
    bars = _bars(["2024-01-02", "2024-01-03"])
    assert _quality_texts(bars).tolist() == [OK, OK]
    bars[QUALITY_COLUMN] = np.array(["ok", "close_only"], dtype=object)
    texts = _quality_texts(bars)
    assert texts.tolist() == ["ok", "close_only"] and texts.dtype == object
    texts[0] = "changed"  # a copy: the fetched frame is left as it was
    assert bars[QUALITY_COLUMN].tolist() == ["ok", "close_only"]
    bars[QUALITY_COLUMN] = np.array([_Quality.OK, _Quality.REPAIRED], dtype=object)
    converted = _quality_texts(bars).tolist()
    assert converted == ["ok", "repaired"] and {type(t) for t in converted} == {str}


class _Vol:
    def __init__(self, count: int) -> None:
        self.periods_per_year = np.full(count, 252.0)


KINDS = st.sampled_from(["average_above", "average_below", "touch_above", "close_below"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            KINDS,
            st.integers(0, 60),  # made_on, days after the first bar
            st.one_of(st.none(), st.integers(-10, 70)),  # window start (None: NaT)
            st.integers(1, 90),  # deadline, days after made_on
        ),
        max_size=25,
    )
)
def test_average_progress_picks_the_claims_the_per_claim_rule_picked(claims) -> None:
    dates = np.arange(np.datetime64("2024-01-01"), np.datetime64("2024-03-31"))
    closes = np.linspace(10.0, 20.0, len(dates))
    kinds = [c[0] for c in claims]
    made_on = np.array([dates[0] + c[1] for c in claims], dtype="datetime64[D]")
    start = np.array(
        [np.datetime64("NaT") if c[2] is None else dates[0] + c[2] for c in claims],
        dtype="datetime64[D]",
    )
    deadline = made_on + np.array([c[3] for c in claims], dtype="timedelta64[D]")
    vol = _Vol(len(claims))
    weight, mean = _average_progress(kinds, dates, closes, made_on, start, deadline, vol)
    for i, kind in enumerate(kinds):
        # The rule as the per-claim comprehension stated it.
        inside = kind.startswith("average") and not start[i] > made_on[i]
        lo = np.searchsorted(dates, start[i], side="left")
        hi = np.searchsorted(dates, made_on[i], side="right")
        if inside and hi - lo > 0:
            remaining = (deadline[i] - made_on[i]).astype(np.float64) * 252.0 / 365.25
            assert weight[i] == (hi - lo) / ((hi - lo) + remaining)
            assert mean[i] == float(np.mean(closes[lo:hi]))
        else:
            assert weight[i] == 0.0 and np.isnan(mean[i])
