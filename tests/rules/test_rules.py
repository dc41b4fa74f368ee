"""The resolution rules, case by case, on small hand-built bars.

Every case names the boundary it pins down in its id. The bars are one made_on
day (with extreme prices, so that counting it would change every answer) and
six trading days around one weekend.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pytest

from ledger.claims.model import LEVEL_KINDS, Claim, ClaimKind, Outcome, RelativeKind, RelativeLevel
from ledger.rules import EvidenceField, OpenReason, Verdict, resolve, resolve_many

MADE_ON = date(2024, 1, 1)  # a Monday


def make_bars(rows: list[tuple[str, float, float, float]]) -> pd.DataFrame:
    """A bars frame in the ledger's shape from (iso date, high, low, close) rows."""
    index = pd.DatetimeIndex([pd.Timestamp(day) for day, *_ in rows], name="date")
    high = [row[1] for row in rows]
    low = [row[2] for row in rows]
    close = [row[3] for row in rows]
    return pd.DataFrame(
        {"open": close, "high": high, "low": low, "close": close, "volume": np.nan},
        index=index,
    )


#                 date        high   low   close
BARS = make_bars(
    [
        ("2024-01-01", 120.0, 80.0, 100.0),  # made_on: known to the author, never judged
        ("2024-01-02", 104.0, 96.0, 101.0),
        ("2024-01-03", 106.0, 97.0, 103.0),
        ("2024-01-04", 108.0, 99.0, 105.0),
        ("2024-01-05", 103.0, 95.0, 98.0),  # Friday
        ("2024-01-08", 102.0, 94.0, 97.0),  # Monday
        ("2024-01-09", 101.0, 93.0, 96.0),
    ]
)


def make_claim(
    kind: ClaimKind,
    level: float | None,
    deadline: str,
    *,
    window_start: str | None = None,
    relative: RelativeLevel | None = None,
    reference_price: float | None = None,
) -> Claim:
    start = date.fromisoformat(window_start) if window_start else date(2024, 1, 2)
    return Claim(
        symbol="TEST",
        asset="TEST",
        kind=kind,
        level=level,
        made_on=MADE_ON,
        window_start=start,
        deadline=date.fromisoformat(deadline),
        relative=relative,
        reference_price=reference_price,
    )


@dataclass(frozen=True)
class Case:
    """One row of the table: a claim, the day it is judged, what must come out."""

    kind: ClaimKind
    level: float
    deadline: date
    as_of: date
    expect: Outcome | OpenReason
    evidence_date: date | None
    evidence_price: float | None
    window_start: str | None


def day(text: str) -> date:
    """ "01-09" is 2024-01-09; a full ISO date is itself."""
    return date.fromisoformat(text if len(text) > 5 else f"2024-{text}")


def case(
    case_id: str,
    kind: ClaimKind,
    level: float,
    deadline: str,
    as_of: str,
    expect: Outcome | OpenReason,
    evidence_date: str | None = None,
    evidence_price: float | None = None,
    *,
    start: str | None = None,
) -> object:
    evidence_day = day(evidence_date) if evidence_date else None
    row = Case(kind, level, day(deadline), day(as_of), expect, evidence_day, evidence_price, start)
    return pytest.param(row, id=case_id)


T, F = Outcome.TRUE, Outcome.FALSE
WAIT_DEADLINE = OpenReason.WAITING_FOR_DEADLINE
WAIT_DATA = OpenReason.WAITING_FOR_DATA
TA, TB = ClaimKind.TOUCH_ABOVE, ClaimKind.TOUCH_BELOW
HA, HB = ClaimKind.HOLD_ABOVE, ClaimKind.HOLD_BELOW
CA, CB = ClaimKind.CLOSE_ABOVE, ClaimKind.CLOSE_BELOW
AA, AB = ClaimKind.AVERAGE_ABOVE, ClaimKind.AVERAGE_BELOW


def period_case(
    case_id: str,
    kind: ClaimKind,
    level: float,
    deadline: str,
    as_of: str,
    expect: Outcome | OpenReason,
    evidence_date: str,
    evidence_price: float,
) -> object:
    """A case whose window is an average period that starts before made_on (2023-12-30)."""
    args = (case_id, kind, level, deadline, as_of, expect, evidence_date, evidence_price)
    return case(*args, start="2023-12-30")


#    id                                           kind level deadline as_of expect  evidence
CASES = [
    # touch: TRUE on the first day the level is reached, FALSE once the deadline is covered
    case("touch_above-true-on-first-day-reaching",      TA, 105, "01-09", "01-09", T, "01-03", 106),
    case("touch_above-high-equal-to-level-counts",      TA, 108, "01-09", "01-09", T, "01-04", 108),
    case("touch_above-day-after-made_on-counts",        TA, 104, "01-09", "01-09", T, "01-02", 104),
    case("touch_above-touch-on-made_on-not-counted",    TA, 115, "01-09", "01-10", F, "01-04", 108),
    case("touch_above-false-evidence-is-closest-high",  TA, 110, "01-05", "01-09", F, "01-04", 108),
    case("touch_above-settles-early-before-deadline",   TA, 105, "03-31", "01-09", T, "01-03", 106),
    case("touch_above-not-false-before-deadline",       TA, 110, "03-31", "01-09", WAIT_DEADLINE),
    case("touch_above-as_of-hides-later-touch",         TA, 108, "03-31", "01-03", WAIT_DEADLINE),
    case("touch_above-data-ends-before-deadline",       TA, 110, "01-12", "01-20", WAIT_DATA),
    case("touch_below-low-equal-to-level-counts",       TB, 95, "01-09", "01-09", T, "01-05", 95),
    case("touch_below-made_on-low-not-counted",         TB, 85, "01-09", "01-10", F, "01-09", 93),
    case("touch_below-open-before-deadline",            TB, 90, "01-05", "01-04", WAIT_DEADLINE),
    # hold: FALSE on the first break, TRUE once the deadline is covered unbroken
    case("hold_above-low-equal-to-level-no-break",      HA, 95, "01-05", "01-09", T, "01-05", 95),
    case("hold_above-false-on-first-break",             HA, 96, "01-09", "01-09", F, "01-05", 95),
    case("hold_above-break-on-made_on-not-counted",     HA, 85, "01-09", "01-10", T, "01-09", 93),
    case("hold_above-breaks-early-before-deadline",     HA, 96, "03-31", "01-09", F, "01-05", 95),
    case("hold_above-not-true-before-deadline",         HA, 90, "03-31", "01-09", WAIT_DEADLINE),
    case("hold_above-data-ends-before-deadline",        HA, 90, "01-12", "01-20", WAIT_DATA),
    case("hold_below-high-equal-to-level-no-break",     HB, 108, "01-09", "01-10", T, "01-04", 108),
    case("hold_below-false-on-first-break",             HB, 107, "01-09", "01-09", F, "01-04", 108),
    # close: the last close on or before the deadline, once the deadline is covered
    case("close_above-close-equal-to-level-counts",     CA, 98, "01-05", "01-09", T, "01-05", 98),
    case("close_above-false",                           CA, 99, "01-05", "01-09", F, "01-05", 98),
    case("close_above-open-before-deadline",            CA, 90, "01-05", "01-04", WAIT_DEADLINE),
    case("close_above-sunday-deadline-uses-friday",     CA, 98, "01-07", "01-08", T, "01-05", 98),
    case("close_above-sunday-deadline-friday-when-final", CA, 98, "01-07", "01-07", T, "01-05", 98),
    case("close_above-deadline-today-bar-unfinished",   CA, 98, "01-05", "01-05", WAIT_DATA),
    case("close_above-saturday-as_of-sunday-deadline",  CA, 98, "01-07", "01-06", T, "01-05", 98),
    case("close_above-as_of-friday-sunday-deadline",    CA, 98, "01-07", "01-05", WAIT_DEADLINE),
    case("close_above-data-ends-before-deadline",       CA, 90, "01-12", "01-20", WAIT_DATA),
    case("close_below-close-equal-to-level-counts",     CB, 98, "01-05", "01-09", T, "01-05", 98),
    case("close_below-false",                           CB, 97, "01-05", "01-09", F, "01-05", 98),
    # average: the mean close of the whole period (101.4 from 2023-12-30 to 01-05)
    period_case("average_above-equal-counts", AA, 101.4, "01-05", "01-09", T, "01-05", 101.4),
    period_case("average_below-equal-counts", AB, 101.4, "01-05", "01-09", T, "01-05", 101.4),
    period_case("average_above-false", AA, 102, "01-05", "01-09", F, "01-05", 101.4),
    period_case("average_below-true", AB, 102, "01-05", "01-09", T, "01-05", 101.4),
    case("average_above-period-incomplete",             AA, 101, "01-09", "01-05", WAIT_DEADLINE),
    case("average_below-data-ends-before-deadline",     AB, 200, "01-12", "01-20", WAIT_DATA),
]  # fmt: skip


@pytest.mark.parametrize("row", CASES)
def test_rule_table(row: Case) -> None:
    claim = make_claim(row.kind, row.level, row.deadline.isoformat(), window_start=row.window_start)
    verdict = resolve(claim, BARS, row.as_of)
    if isinstance(row.expect, Outcome):
        assert (verdict.outcome, verdict.open_reason) == (row.expect, None)
    else:
        assert (verdict.outcome, verdict.open_reason) == (None, row.expect)
    assert verdict.evidence_date == row.evidence_date
    if row.evidence_price is None:
        assert verdict.evidence_price is None
    else:
        assert verdict.evidence_price == pytest.approx(row.evidence_price, rel=1e-12)


HIGH, LOW, CLOSE = EvidenceField.HIGH, EvidenceField.LOW, EvidenceField.CLOSE


@pytest.mark.parametrize(
    ("kind", "level", "field", "closest_date", "closest_price"),
    [
        pytest.param(TA, 110, HIGH, "01-04", 108, id="touch_above-highest-high"),
        pytest.param(TB, 90, LOW, "01-09", 93, id="touch_below-lowest-low"),
        pytest.param(HA, 90, LOW, "01-09", 93, id="hold_above-lowest-low"),
        pytest.param(HB, 110, HIGH, "01-04", 108, id="hold_below-highest-high"),
        pytest.param(CA, 110, CLOSE, "01-04", 105, id="close_above-highest-close"),
        pytest.param(CB, 90, CLOSE, "01-09", 96, id="close_below-lowest-close"),
        pytest.param(AA, 110, EvidenceField.AVERAGE, "01-09", 100.0, id="average-mean-so-far"),
    ],
)
def test_closest_approach_of_open_claims(
    kind: ClaimKind, level: float, field: EvidenceField, closest_date: str, closest_price: float
) -> None:
    verdict = resolve(make_claim(kind, level, "2024-03-31"), BARS, date(2024, 1, 9))
    assert verdict.open_reason is OpenReason.WAITING_FOR_DEADLINE
    assert verdict.closest_field is field
    assert verdict.closest_date == day(closest_date)
    assert verdict.closest_price == pytest.approx(closest_price)
    assert verdict.evidence_field is None
    assert verdict.bars_in_window == 6


def test_touch_reports_days_to_touch_and_counts_bars_through_the_touch() -> None:
    verdict = resolve(make_claim(TA, 106, "2024-03-31"), BARS, date(2024, 1, 9))
    assert verdict.outcome is Outcome.TRUE
    assert verdict.days_to_touch == 2
    assert verdict.bars_in_window == 2
    assert (verdict.closest_date, verdict.closest_price) == (date(2024, 1, 3), 106.0)


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        pytest.param(TA, 110, id="touch_above-false"),
        pytest.param(TB, 90, id="touch_below-false"),
        *(pytest.param(kind, 100, id=kind.value) for kind in (HA, HB, CA, CB, AA, AB)),
    ],
)
def test_days_to_touch_only_for_touches_that_happened(kind: ClaimKind, level: float) -> None:
    verdict = resolve(make_claim(kind, level, "2024-01-05"), BARS, date(2024, 1, 9))
    assert verdict.outcome is not None
    assert verdict.days_to_touch is None


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        pytest.param(TA, 1000, id="touch_above"),
        pytest.param(HA, 1, id="hold_above"),
        pytest.param(CA, 1, id="close_above"),
        pytest.param(AB, 1000, id="average_below"),
    ],
)
def test_window_inside_a_gap_stays_open(kind: ClaimKind, level: float) -> None:
    # Before gaps were told apart from closures this was no_data_in_window; a
    # month without bars on a weekday market is a gap in the data, and says so.
    gap = make_bars(
        [
            ("2024-01-02", 104.0, 96.0, 101.0),
            ("2024-02-01", 104.0, 96.0, 101.0),  # a month without bars, then data again
        ]
    )
    claim = make_claim(kind, level, "2024-01-20", window_start="2024-01-10")
    verdict = resolve(claim, gap, date(2024, 3, 1))
    assert (verdict.outcome, verdict.open_reason) == (None, OpenReason.DATA_GAP)
    assert (
        verdict.open_detail
        # TEST is a US listing: Martin Luther King Day, 2024-01-15, is no session.
        == "gap in the data: 2024-01-03 to 2024-01-31 (20 trading days without a bar)"
    )
    assert verdict.bars_in_window == 0
    assert verdict.closest_date is None


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        pytest.param(TA, 1000, id="touch_above"),
        pytest.param(HA, 1, id="hold_above"),
        pytest.param(CA, 1, id="close_above"),
        pytest.param(AB, 1000, id="average_below"),
    ],
)
def test_a_window_of_only_a_weekend_has_no_data(kind: ClaimKind, level: float) -> None:
    claim = make_claim(kind, level, "2024-01-07", window_start="2024-01-06")
    verdict = resolve(claim, BARS, date(2024, 1, 9))
    assert (verdict.outcome, verdict.open_reason) == (None, OpenReason.NO_DATA_IN_WINDOW)
    assert verdict.open_detail is None


@pytest.mark.parametrize(
    ("as_of", "expect"),
    [
        pytest.param(date(2024, 1, 3), OpenReason.WAITING_FOR_DEADLINE, id="before-deadline"),
        pytest.param(date(2024, 1, 20), OpenReason.WAITING_FOR_DATA, id="after-deadline"),
    ],
)
def test_no_bars_at_all_stays_open(as_of: date, expect: OpenReason) -> None:
    empty = make_bars([])
    verdict = resolve(make_claim(TA, 100, "2024-01-05"), empty, as_of)
    assert (verdict.outcome, verdict.open_reason, verdict.bars_in_window) == (None, expect, 0)


# --- relative levels --------------------------------------------------------

PLUS_5_PERCENT = RelativeLevel(RelativeKind.PERCENT, 5.0)


def test_relative_level_applies_to_reference_price() -> None:
    claim = make_claim(TA, None, "2024-01-09", relative=PLUS_5_PERCENT, reference_price=100.0)
    verdict = resolve(claim, BARS, date(2024, 1, 9))
    assert verdict.outcome is Outcome.TRUE
    assert verdict.level_used == pytest.approx(105.0)
    assert verdict.evidence_date == date(2024, 1, 3)


def test_relative_level_reached_exactly_despite_float_noise() -> None:
    # +9% of 100 is 109.00000000000001 in floats; a close of 109 is at the level.
    plus_9_percent = RelativeLevel(RelativeKind.PERCENT, 9.0)
    at_level = make_bars([("2024-01-05", 109.0, 109.0, 109.0)])
    for kind in (CA, TA):
        claim = make_claim(kind, None, "2024-01-05", relative=plus_9_percent, reference_price=100.0)
        assert claim.relative is not None
        assert claim.relative.apply(100.0) > 109.0  # the noise this test is about
        assert resolve(claim, at_level, date(2024, 1, 6)).outcome is Outcome.TRUE, kind


@pytest.mark.parametrize(
    "as_of",
    [date(2024, 1, 3), date(2024, 1, 20)],
    ids=["before-deadline", "after-deadline"],
)
def test_relative_level_without_reference_waits_for_data(as_of: date) -> None:
    claim = make_claim(HA, None, "2024-01-05", relative=PLUS_5_PERCENT)
    verdict = resolve(claim, BARS, as_of)
    assert (verdict.outcome, verdict.open_reason) == (None, OpenReason.WAITING_FOR_DATA)
    assert verdict.level_used is None
    assert verdict.evidence_date is None


def test_average_equal_to_level_despite_float_noise() -> None:
    # The mean of 0.1, 0.2 and 0.3 is not 0.2 in floats (off in the last digit,
    # one way or the other depending on the order of the additions).
    bars = make_bars(
        [
            ("2024-01-02", 0.1, 0.1, 0.1),
            ("2024-01-03", 0.2, 0.2, 0.2),
            ("2024-01-04", 0.3, 0.3, 0.3),
        ]
    )
    for kind in (AA, AB):
        claim = make_claim(kind, 0.2, "2024-01-04")
        assert resolve(claim, bars, date(2024, 1, 5)).outcome is Outcome.TRUE, kind


# --- splits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("split_dates", "ratios", "stated", "factor"),
    [
        pytest.param(["2024-01-03"], [2.0], 210.0, 2.0, id="2-for-1-after-made_on-halves-level"),
        pytest.param(["2023-12-15"], [2.0], 105.0, 1.0, id="split-before-made_on-ignored"),
        pytest.param(["2024-01-01"], [2.0], 105.0, 1.0, id="split-on-made_on-ignored"),
        pytest.param(["2024-01-03"], [0.1], 10.5, 0.1, id="1-for-10-reverse-multiplies-level"),
        pytest.param(
            ["2024-01-04", "2024-01-02"], [3.0, 2.0], 630.0, 6.0, id="two-splits-multiply"
        ),
        pytest.param(["2024-02-01"], [2.0], 210.0, 2.0, id="split-after-as_of-still-counts"),
    ],
)
def test_split_converts_level_into_bar_units(
    split_dates: list[str], ratios: list[float], stated: float, factor: float
) -> None:
    splits = pd.Series(ratios, index=pd.DatetimeIndex(split_dates))
    claim = make_claim(TA, stated, "2024-01-09")
    verdict = resolve(claim, BARS, date(2024, 1, 9), splits=splits)
    assert verdict.split_factor == pytest.approx(factor)
    assert verdict.stated_level == stated
    assert verdict.level_used == pytest.approx(105.0)
    assert verdict.outcome is Outcome.TRUE
    assert verdict.evidence_date == date(2024, 1, 3)
    evidence = verdict.evidence()
    assert evidence["split_factor"] == pytest.approx(factor)
    assert evidence["adjusted_level"] == pytest.approx(105.0)


def test_no_splits_means_factor_one() -> None:
    verdict = resolve(make_claim(TA, 105, "2024-01-09"), BARS, date(2024, 1, 9))
    assert (verdict.split_factor, verdict.level_used, verdict.adjusted_level) == (1.0, 105.0, 105.0)


def test_bad_split_ratio_is_refused() -> None:
    splits = pd.Series([0.0], index=pd.DatetimeIndex(["2024-01-03"]))
    with pytest.raises(ValueError, match="split ratios"):
        resolve(make_claim(TA, 105, "2024-01-09"), BARS, date(2024, 1, 9), splits=splits)


# --- the bars frame -----------------------------------------------------------


def test_unsorted_bars_are_refused() -> None:
    with pytest.raises(ValueError, match="sorted"):
        resolve(make_claim(TA, 105, "2024-01-09"), BARS.iloc[::-1], date(2024, 1, 9))


def test_bar_without_prices_is_no_evidence() -> None:
    bars = BARS.copy()
    bars.loc[pd.Timestamp("2024-01-03"), ["high", "low", "close"]] = np.nan
    verdict = resolve(make_claim(TA, 105, "2024-01-09"), bars, date(2024, 1, 9))
    assert verdict.evidence_date == date(2024, 1, 4)


# --- the verdict and the batch API ----------------------------------------------


def test_evidence_is_json_ready() -> None:
    verdict = resolve(make_claim(TA, 105, "2024-01-09"), BARS, date(2024, 1, 9))
    assert verdict.evidence() == {
        "outcome": "true",
        "open_reason": None,
        "evidence_date": "2024-01-03",
        "evidence_price": 106.0,
        "evidence_field": "high",
        "stated_level": 105.0,
        "adjusted_level": 105.0,
        "split_factor": 1.0,
        "closest_date": "2024-01-03",
        "closest_price": 106.0,
        "closest_field": "high",
        "days_to_touch": 2,
        "bars_in_window": 2,
        "open_detail": None,
        "legs": [],
    }


def test_open_verdict_for_fetch_problems() -> None:
    verdict = Verdict.open(OpenReason.UNKNOWN_SYMBOL)
    assert verdict.is_open
    assert (verdict.open_reason, verdict.bars_in_window, verdict.split_factor) == (
        OpenReason.UNKNOWN_SYMBOL,
        0,
        1.0,
    )


def test_resolve_many_of_nothing() -> None:
    assert resolve_many([], BARS, date(2024, 1, 9)) == []


def test_resolve_many_keeps_claim_order_across_kinds() -> None:
    claims = [make_claim(kind, 100, "2024-01-05") for kind in reversed(LEVEL_KINDS)]
    as_of = date(2024, 1, 9)
    assert resolve_many(claims, BARS, as_of) == [resolve(claim, BARS, as_of) for claim in claims]


def test_closes_near_the_float_limit_average_without_numpy_warnings() -> None:
    days = pd.bdate_range("2024-01-01", "2024-02-01", name="date")
    huge = pd.DataFrame(
        {"open": 1e308, "high": 1e308, "low": 1e308, "close": 1e308, "volume": np.nan}, index=days
    )
    claim = make_claim(ClaimKind.AVERAGE_ABOVE, 5.0, "2024-01-25")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        verdict = resolve(claim, huge, date(2024, 3, 1))
    assert verdict.outcome is Outcome.TRUE
