"""Properties of the rules on random bars and claims.

The oracle is a plain loop over the bars, written from the rules as stated,
with exact rational arithmetic, and day by day over the calendar for the gaps
(rejected days, and runs of more than four weekdays without a bar). Prices
and levels lie on a quarter grid, so a level either equals a price exactly
or differs from it by far more than float noise: the vectorized rules
(floats, a one-in-a-billion tolerance at the level) must then agree with the
exact oracle on every tie.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.model import Claim, ClaimKind, Outcome, RelativeKind, RelativeLevel
from ledger.rules import OpenReason, Verdict, resolve, resolve_many
from ledger.rules.calendar import LONGEST_CLOSURE

BASE = date(2024, 1, 1)
SPLIT_RATIOS = (2.0, 3.0, 0.5, 0.1, 4.0)


@dataclass(frozen=True)
class Bar:
    day: date
    high: float
    low: float
    close: float


def frame(bars: list[Bar]) -> pd.DataFrame:
    index = pd.DatetimeIndex([pd.Timestamp(bar.day) for bar in bars], name="date")
    close = [bar.close for bar in bars]
    return pd.DataFrame(
        {
            "open": close,
            "high": [bar.high for bar in bars],
            "low": [bar.low for bar in bars],
            "close": close,
            "volume": np.nan,
        },
        index=index,
    )


def split_series(splits: list[tuple[date, float]]) -> pd.Series | None:
    if not splits:
        return None
    return pd.Series([ratio for _, ratio in splits], index=pd.DatetimeIndex([d for d, _ in splits]))


# --- the oracle ------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    outcome: Outcome | None
    open_reason: OpenReason | None
    evidence_date: date | None
    evidence_price: Fraction | None
    closest_date: date | None
    closest_price: Fraction | None
    bars_in_window: int
    days_to_touch: int | None


def exact_upper(claim: Claim, splits: list[tuple[date, float]]) -> Fraction | None:
    """A band's ceiling in the bars' units, exactly."""
    if claim.upper is None:
        return None
    _, factor = exact_level(claim, splits)
    return Fraction(claim.upper) / factor


def exact_level(claim: Claim, splits: list[tuple[date, float]]) -> tuple[Fraction | None, Fraction]:
    """The level in the bars' units, exactly, and the split factor."""
    factor = Fraction(1)
    for day, ratio in splits:
        if day > claim.made_on:
            factor *= Fraction(ratio).limit_denominator(100)
    if claim.level is not None:
        stated = Fraction(claim.level)
    elif claim.relative is not None and claim.reference_price is not None:
        reference = Fraction(claim.reference_price)
        value = Fraction(claim.relative.value)
        if claim.relative.kind is RelativeKind.PERCENT:
            stated = reference * (1 + value / 100)
        else:
            stated = reference * value
    else:
        return None, factor
    return stated / factor, factor


def gap_days(seen: list[Bar], rejected: list[date], as_of: date) -> set[date]:
    """Days the data cannot vouch for: rejected days without a bar, and every
    weekday of a run of more than LONGEST_CLOSURE weekdays between two rows
    (bars or rejected days)."""
    days = [bar.day for bar in seen]
    bad = {day for day in rejected if day <= as_of and day not in days}
    rows = sorted({*days, *bad})
    for before, after in itertools.pairwise(rows):
        between = [before + timedelta(days=k) for k in range(1, (after - before).days)]
        weekdays = [day for day in between if day.weekday() < 5]
        if len(weekdays) > LONGEST_CLOSURE:
            bad.update(weekdays)
    return bad


def oracle(
    claim: Claim,
    bars: list[Bar],
    as_of: date,
    splits: list[tuple[date, float]],
    rejected: list[date] = (),
) -> Expected:
    level, _ = exact_level(claim, splits)
    seen = [bar for bar in bars if bar.day <= as_of]
    window = [bar for bar in seen if claim.window_start <= bar.day <= claim.deadline]
    bad = gap_days(seen, list(rejected), as_of)
    # The settling session is the last weekday on or before the deadline; a row
    # (a rejected one too) on or after it shows the data has arrived, and it is
    # final only once as_of is past it (a bar dated as_of may be unfinished).
    settle = claim.deadline
    while settle.weekday() >= 5:
        settle -= timedelta(days=1)
    rows = [*(bar.day for bar in seen), *bad]
    covered = settle < as_of and any(day >= settle for day in rows)
    can_decide_at_end = covered and bool(window) and level is not None
    # A close is judged on the window's last bar: only the days after it matter.
    gap_from = claim.window_start
    if claim.kind.family == "close" and window:
        gap_from = window[-1].day + timedelta(days=1)
    held_back = (
        covered and level is not None and any(gap_from <= day <= claim.deadline for day in bad)
    )
    if level is None:
        reason = OpenReason.WAITING_FOR_DATA
    elif held_back:
        reason = OpenReason.DATA_GAP
    elif covered:
        reason = OpenReason.NO_DATA_IN_WINDOW
    elif as_of < claim.deadline:
        reason = OpenReason.WAITING_FOR_DEADLINE
    else:
        reason = OpenReason.WAITING_FOR_DATA
    above = claim.kind.is_above
    family = claim.kind.family

    def still_open(closest: tuple[date, Fraction] | None) -> Expected:
        day, price = closest if closest else (None, None)
        return Expected(None, reason, None, None, day, price, len(window), None)

    if claim.kind is ClaimKind.HOLD_BETWEEN:
        ceiling = exact_upper(claim, splits)
        highest: tuple[date, Fraction] | None = None
        lowest: tuple[date, Fraction] | None = None
        for count, bar in enumerate(window, start=1):
            high, low = Fraction(bar.high), Fraction(bar.low)
            if highest is None or high > highest[1]:
                highest = (bar.day, high)
            if lowest is None or low < lowest[1]:
                lowest = (bar.day, low)
            if level is None:
                continue
            # A bar that breaks both edges counts as breaking the floor.
            if low < level or high > ceiling:
                price = low if low < level else high
                return Expected(Outcome.FALSE, None, bar.day, price, bar.day, price, count, None)
        nearest = None
        if highest is not None and lowest is not None and level is not None:
            room_above = float((ceiling - highest[1]) / ceiling)
            room_below = float((lowest[1] - level) / level)
            if abs(room_above - room_below) <= 1e-12:
                nearest = highest if highest[0] < lowest[0] else lowest
            else:
                nearest = highest if room_above < room_below else lowest
        if held_back or not can_decide_at_end:
            return still_open(nearest)
        assert nearest is not None
        return Expected(
            Outcome.TRUE, None, nearest[0], nearest[1], nearest[0], nearest[1], len(window), None
        )

    if claim.kind is ClaimKind.CLOSE_BETWEEN:
        ceiling = exact_upper(claim, splits)
        latest = (window[-1].day, Fraction(window[-1].close)) if window else None
        if held_back or not can_decide_at_end:
            return still_open(latest)
        assert latest is not None and level is not None
        inside = level <= latest[1] <= ceiling
        outcome = Outcome.TRUE if inside else Outcome.FALSE
        return Expected(outcome, None, *latest, *latest, len(window), None)

    if family in ("touch", "hold"):
        # touch_above and hold_below watch the high, the others the low.
        watch_high = above == (family == "touch")
        best: tuple[date, Fraction] | None = None
        for count, bar in enumerate(window, start=1):
            price = Fraction(bar.high if watch_high else bar.low)
            if best is None or (price > best[1] if watch_high else price < best[1]):
                best = (bar.day, price)
            if level is None:
                continue
            if family == "touch":
                crossed = price >= level if watch_high else price <= level
            else:
                crossed = price > level if watch_high else price < level
            if crossed:
                outcome = Outcome.TRUE if family == "touch" else Outcome.FALSE
                days = (bar.day - claim.made_on).days if family == "touch" else None
                return Expected(outcome, None, bar.day, price, bar.day, price, count, days)
        if held_back or not can_decide_at_end:
            return still_open(best)
        assert best is not None
        outcome = Outcome.FALSE if family == "touch" else Outcome.TRUE
        return Expected(outcome, None, best[0], best[1], best[0], best[1], len(window), None)

    if family == "close":
        best = None
        for bar in window:
            price = Fraction(bar.close)
            if best is None or (price > best[1] if above else price < best[1]):
                best = (bar.day, price)
        if held_back or not can_decide_at_end:
            return still_open(best)
        assert best is not None and level is not None
        last = window[-1]
        close = Fraction(last.close)
        reached = close >= level if above else close <= level
        outcome = Outcome.TRUE if reached else Outcome.FALSE
        return Expected(outcome, None, last.day, close, best[0], best[1], len(window), None)

    mean = (
        sum((Fraction(bar.close) for bar in window), Fraction(0)) / len(window) if window else None
    )
    so_far = (window[-1].day, mean) if window and mean is not None else None
    if held_back or not can_decide_at_end:
        return still_open(so_far)
    assert mean is not None and level is not None
    reached = mean >= level if above else mean <= level
    outcome = Outcome.TRUE if reached else Outcome.FALSE
    return Expected(outcome, None, window[-1].day, mean, window[-1].day, mean, len(window), None)


# --- strategies ------------------------------------------------------------------

# Prices are quarters (1.00 .. 51.00 in steps of 0.25) in a band of random
# width: a narrow band makes ties (at the level, between highs) common.
BAND_LOWEST, BAND_HIGHEST = 4, 204
bands = st.integers(BAND_LOWEST + 4, BAND_HIGHEST - 44).flatmap(
    lambda bottom: st.tuples(st.just(bottom), st.integers(bottom, bottom + 40))
)


def quarters(band: tuple[int, int]) -> st.SearchStrategy[float]:
    """Levels in and just around the band."""
    bottom, top = band
    return st.integers(bottom - 4, top + 4).map(lambda n: n / 4)


@st.composite
def bar_lists(draw: st.DrawFn, band: tuple[int, int]) -> list[Bar]:
    bottom, top = band
    count = draw(st.one_of(st.integers(0, 30), st.integers(25, 45)))
    offsets = sorted(
        draw(st.lists(st.integers(0, 45), min_size=count, max_size=count, unique=True))
    )
    bars = []
    for offset in offsets:
        low = draw(st.integers(bottom, top))
        high = draw(st.integers(low, top))
        close = draw(st.integers(low, high))
        bars.append(Bar(BASE + timedelta(days=offset), high / 4, low / 4, close / 4))
    return bars


relative_levels = st.one_of(
    st.sampled_from([-50.0, -25.0, -10.0, 10.0, 20.0, 50.0, 100.0]).map(
        lambda value: RelativeLevel(RelativeKind.PERCENT, value)
    ),
    st.sampled_from([0.5, 1.5, 2.0]).map(lambda value: RelativeLevel(RelativeKind.MULTIPLE, value)),
)


JUDGED_KINDS = [
    kind for kind in ClaimKind if not kind.is_vague and kind is not ClaimKind.OUTPERFORM
]
BAND_KINDS = [ClaimKind.CLOSE_BETWEEN, ClaimKind.HOLD_BETWEEN]


@st.composite
def claims(draw: st.DrawFn, band: tuple[int, int], kinds: list[ClaimKind] = JUDGED_KINDS) -> Claim:
    kind = draw(st.sampled_from(kinds))
    made_on = BASE + timedelta(days=draw(st.integers(-3, 25)))
    if kind.family == "average":
        window_start = made_on + timedelta(days=draw(st.integers(-10, 5)))
    else:
        window_start = made_on + timedelta(days=1)
    deadline = max(window_start, made_on + timedelta(days=1)) + timedelta(
        days=draw(st.integers(0, 12))
    )
    level: float | None = None
    upper: float | None = None
    relative = None
    reference_price = None
    if kind.is_band:
        level, upper = sorted(draw(st.lists(quarters(band), min_size=2, max_size=2, unique=True)))
    elif draw(st.integers(0, 3)):
        level = draw(quarters(band))
    else:
        relative = draw(relative_levels)
        reference_price = draw(st.one_of(quarters(band), quarters(band), st.none()))
    return Claim(
        symbol="TEST=X",  # a 24/5 market: the oracle's weekday rules
        asset="TEST",
        kind=kind,
        level=level,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        relative=relative,
        reference_price=reference_price,
        upper=upper,
    )


def split_lists(made_on: date) -> st.SearchStrategy[list[tuple[date, float]]]:
    """Up to two splits, often within days of made_on, where the boundary lies."""
    near = st.sampled_from(range(-2, 3)).map(lambda days: made_on + timedelta(days=days))
    anywhere = st.integers(-5, 45).map(lambda offset: BASE + timedelta(days=offset))
    split = st.tuples(st.one_of(near, anywhere), st.sampled_from(SPLIT_RATIOS))
    return st.lists(split, max_size=2, unique_by=lambda split: split[0])


# Around a claim's deadline, mostly after it, so that most claims get decided.
as_of_shifts = st.sampled_from(range(-6, 16)).map(lambda days: timedelta(days=days))


def approx_or_none(value: Fraction | float | None) -> object:
    return None if value is None else pytest.approx(float(value), rel=1e-9)


@dataclass(frozen=True)
class Scenario:
    """Claims on one symbol, its bars and splits, and the day they are judged."""

    claims: list[Claim]
    bars: list[Bar]
    as_of: date
    splits: list[tuple[date, float]]
    rejected: list[date]  # days whose bar validation refused (some also have a bar: ignored)


@st.composite
def scenarios(
    draw: st.DrawFn, claim_count: int | None = None, kinds: list[ClaimKind] = JUDGED_KINDS
) -> Scenario:
    band = draw(bands)
    count = draw(st.integers(0, 12)) if claim_count is None else claim_count
    batch = [draw(claims(band, kinds)) for _ in range(count)]
    first = batch[0] if batch else None
    return Scenario(
        claims=batch,
        bars=draw(bar_lists(band)),
        as_of=(first.deadline if first else BASE + timedelta(days=30)) + draw(as_of_shifts),
        splits=draw(split_lists(first.made_on if first else BASE)),
        rejected=draw(
            st.lists(
                st.integers(0, 45).map(lambda offset: BASE + timedelta(days=offset)),
                max_size=3,
                unique=True,
            )
        ),
    )


# --- properties ------------------------------------------------------------------


@settings(max_examples=250, deadline=None)
@given(scenario=scenarios(claim_count=1))
def test_resolve_agrees_with_the_plain_loop(scenario: Scenario) -> None:
    check_against_the_oracle(scenario)


@settings(max_examples=200, deadline=None)
@given(scenario=scenarios(claim_count=1, kinds=BAND_KINDS))
def test_bands_agree_with_the_plain_loop(scenario: Scenario) -> None:
    check_against_the_oracle(scenario)


def check_against_the_oracle(scenario: Scenario) -> None:
    claim, bars, as_of, splits = scenario.claims[0], scenario.bars, scenario.as_of, scenario.splits
    verdict = resolve(claim, frame(bars), as_of, split_series(splits), scenario.rejected)
    expected = oracle(claim, bars, as_of, splits, scenario.rejected)
    assert (verdict.outcome, verdict.open_reason) == (expected.outcome, expected.open_reason)
    assert verdict.evidence_date == expected.evidence_date
    assert verdict.evidence_price == approx_or_none(expected.evidence_price)
    assert verdict.closest_date == expected.closest_date
    assert verdict.closest_price == approx_or_none(expected.closest_price)
    assert verdict.bars_in_window == expected.bars_in_window
    assert verdict.days_to_touch == expected.days_to_touch
    level, factor = exact_level(claim, splits)
    assert verdict.level_used == approx_or_none(level)
    assert verdict.upper_used == approx_or_none(exact_upper(claim, splits))
    assert verdict.split_factor == pytest.approx(float(factor), rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(scenario=scenarios())
def test_resolve_many_is_resolve_one_by_one(scenario: Scenario) -> None:
    bars_frame, splits, as_of = frame(scenario.bars), split_series(scenario.splits), scenario.as_of
    gaps = scenario.rejected
    expected = [resolve(claim, bars_frame, as_of, splits, gaps) for claim in scenario.claims]
    assert resolve_many(scenario.claims, bars_frame, as_of, splits, gaps) == expected


@settings(max_examples=100, deadline=None)
@given(scenario=scenarios(claim_count=1), later=st.integers(1, 30))
def test_a_decided_verdict_never_changes_as_as_of_moves_on(scenario: Scenario, later: int) -> None:
    claim, bars_frame, as_of = scenario.claims[0], frame(scenario.bars), scenario.as_of
    gaps = scenario.rejected
    verdict: Verdict = resolve(claim, bars_frame, as_of, gaps=gaps)
    if verdict.outcome is not None:
        assert resolve(claim, bars_frame, as_of + timedelta(days=later), gaps=gaps) == verdict
