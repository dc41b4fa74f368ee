"""Claims about two assets: outperformance, and the series a ratio is judged on.

Pure, like `judge`: bars in, verdicts out; no database, network or clock.

outperform
    "gold outperforms bitcoin by 5 points in 2026". Each asset's return runs
    from its reference close to its last close on or before the deadline,
    each on its own calendar: COMEX gold has no bar on a Sunday deadline, so
    its return ends at Friday's close, while bitcoin's ends at Sunday's. The
    reference close is the last close on or before the claim's reference day
    (`Claim.reference_day`: the call day, or the last day before a named
    period such as "in 2026"), stored with the claim as quoted that day; a
    split after the reference day divides it into the bars' units, as for a
    relative level. The claim is TRUE when the first asset's return minus the
    second's, in percentage points, is at or above the margin (0 if none was
    given; within `SPREAD_TOLERANCE`, so a spread exactly at the margin
    counts), FALSE otherwise.

    It is decided only at the deadline, and only once BOTH legs' data covers
    it (a bar on or after the deadline, as for a close claim), each leg has a
    bar in the window, both reference closes are known, and neither leg has a
    gap between its last bar in the window and the deadline (on its own
    calendar): otherwise the judged close might not be the real last one. A
    leg without data leaves the claim open, never FALSE. While open, the
    verdict still carries both returns so far (`legs`, and the spread as the
    closest approach), so `show` can say who is ahead.

ratio
    "the gold/silver ratio falls to 60 by 2026-06-30" is an ordinary level
    claim on the compound symbol GC=F/SI=F, judged by `judge` unchanged on
    the bars `ratio_bars` builds: one bar per day BOTH legs have a close,
    with open = high = low = close = the ratio of the closes. Intraday highs
    and lows of two assets are not simultaneous, so no intraday ratio is
    known, and a touch needs a close at the level. A day only one leg traded
    (a US holiday for one, a weekend for crypto) has no ratio and is no gap;
    a day one leg's bar was rejected while the other traded is a gap. A split
    in the numerator divides the ratio like a split of a stock, one in the
    denominator multiplies it (`ratio_splits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd

from ledger.bars import BAR_COLUMNS
from ledger.claims.model import Claim, Outcome
from ledger.rules.calendar import calendar_for, day_numbers
from ledger.rules.judge import (
    _as_dates,
    _dates,
    _day_number,
    _Prices,
    _split_factors,
)
from ledger.rules.verdict import EvidenceField, LegEvidence, OpenReason, Verdict

SPREAD_TOLERANCE = 1e-9
"""Percentage points within which a spread counts as at the margin (float noise is ~1e-13)."""


@dataclass(frozen=True)
class LegData:
    """One asset's inputs: its bars (through as_of or later), splits and rejected dates."""

    symbol: str
    bars: pd.DataFrame
    splits: pd.Series | None = None
    gaps: Iterable[date] | None = None


class _ClaimDays:
    """The claims' day numbers, shared by both legs."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.window_start = day_numbers([c.window_start for c in claims])
        self.deadline = day_numbers([c.deadline for c in claims])
        self.reference_day = self.window_start - 1  # `Claim.reference_day`


class _Leg:
    """One leg of a batch of outperformance claims, as arrays (one entry per claim)."""

    def __init__(
        self,
        data: LegData,
        references: Sequence[float | None],
        days: _ClaimDays,
        as_of: date,
    ) -> None:
        count = len(references)
        self.symbol = data.symbol
        self.prices = prices = _Prices(data.bars, as_of, data.gaps)
        self.calendar = calendar_for(data.symbol)
        quoted = np.fromiter(
            (np.nan if r is None else float(r) for r in references), np.float64, count
        )
        # The reference was stored as quoted that day: later splits divide it.
        self.reference = quoted / _split_factors(days.reference_day, data.splits)
        self.reference_index = np.searchsorted(prices.days, days.reference_day, side="right") - 1
        start = np.searchsorted(prices.days, days.window_start, side="left")
        stop = np.maximum(np.searchsorted(prices.days, days.deadline, side="right"), start)
        self.bars_in_window = stop - start
        self.nonempty = stop > start
        self.last = np.where(self.nonempty, stop - 1, -1)
        self.covered = prices.last_row_day >= days.deadline
        self.has_reference = np.isfinite(self.reference) & (self.reference > 0)
        close = prices.column(EvidenceField.CLOSE)
        self.end_close = (
            np.where(self.nonempty, close[np.maximum(self.last, 0)], np.nan)
            if len(close)
            else np.full(count, np.nan)
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            self.ret = self.end_close / self.reference - 1.0
        # The judged close must be the last trading day's: no gap may follow its bar.
        self.after_last = np.where(self.nonempty, prices.day_at(self.last) + 1, days.window_start)
        self.deadline = days.deadline
        judgeable = self.covered & self.has_reference
        self.gap = judgeable & prices.gaps(self.calendar).any_between(
            self.after_last, days.deadline
        )

    def evidence(self, known: np.ndarray) -> list[LegEvidence | None]:
        """This leg's evidence per claim (None where its returns are not known)."""
        starts = _dates(self.prices.days, self.reference_index)
        ends = _dates(self.prices.days, self.last)
        return [
            LegEvidence(self.symbol, end, end_price, start, start_price) if ok else None
            for ok, start, end, start_price, end_price in zip(
                known.tolist(),
                starts,
                ends,
                self.reference.tolist(),
                self.end_close.tolist(),
                strict=True,
            )
        ]

    def describe_gap(self, claim: int) -> str:
        return self.prices.gaps(self.calendar).describe(
            int(self.after_last[claim]), int(self.deadline[claim])
        )


def resolve_outperformance(
    claims: Sequence[Claim], first: LegData, second: LegData, as_of: date
) -> list[Verdict]:
    """Judge outperformance claims of ONE pair (every claim's symbol is `first.symbol`,
    its versus_symbol `second.symbol`) as of `as_of`, vectorized over the claims."""
    if not claims:
        return []
    for claim in claims:
        if claim.symbol != first.symbol or claim.versus_symbol != second.symbol:
            raise ValueError("every claim must compare first.symbol with second.symbol")
    days = _ClaimDays(claims)
    a = _Leg(first, [c.reference_price for c in claims], days, as_of)
    b = _Leg(second, [c.versus_reference_price for c in claims], days, as_of)
    margin = np.fromiter((c.margin or 0.0 for c in claims), np.float64, len(claims))
    spread = (a.ret - b.ret) * 100.0
    has_references = a.has_reference & b.has_reference
    known = has_references & a.nonempty & b.nonempty
    covered = a.covered & b.covered
    gap = a.gap | b.gap
    decided = known & covered & ~gap
    before_deadline = _day_number(as_of) < a.deadline
    reached = spread >= margin - SPREAD_TOLERANCE

    spread_day = np.maximum(a.prices.day_at(a.last), b.prices.day_at(b.last))
    spread_dates: list[date] = _as_dates(spread_day).tolist()
    a_legs, b_legs = a.evidence(known), b.evidence(known)

    verdicts = []
    for i, (is_known, is_decided, margin_i, spread_i, bars_a, bars_b) in enumerate(
        zip(
            known.tolist(),
            decided.tolist(),
            margin.tolist(),
            spread.tolist(),
            a.bars_in_window.tolist(),
            b.bars_in_window.tolist(),
            strict=True,
        )
    ):
        common = {
            "stated_level": margin_i,
            "level_used": margin_i,
            "closest_date": spread_dates[i] if is_known else None,
            "closest_price": spread_i if is_known else None,
            "closest_field": EvidenceField.RETURN_SPREAD if is_known else None,
            "bars_in_window": bars_a + bars_b,
            "legs": (a_legs[i], b_legs[i]) if is_known else (),
        }
        if is_decided:
            verdicts.append(
                Verdict(
                    outcome=Outcome.TRUE if reached[i] else Outcome.FALSE,
                    open_reason=None,
                    evidence_date=spread_dates[i],
                    evidence_price=spread_i,
                    evidence_field=EvidenceField.RETURN_SPREAD,
                    **common,
                )
            )
            continue
        reason, detail = _open_reason(i, a, b, has_references, covered, gap, before_deadline)
        verdicts.append(Verdict(outcome=None, open_reason=reason, open_detail=detail, **common))
    return verdicts


def _open_reason(
    i: int,
    a: _Leg,
    b: _Leg,
    has_references: np.ndarray,
    covered: np.ndarray,
    gap: np.ndarray,
    before_deadline: np.ndarray,
) -> tuple[OpenReason, str | None]:
    """Why an outperformance is open; the leg to blame is named where one is."""
    if gap[i]:
        leg = a if a.gap[i] else b
        return OpenReason.DATA_GAP, f"{leg.symbol}: {leg.describe_gap(i)}"
    if before_deadline[i]:
        return OpenReason.WAITING_FOR_DEADLINE, None
    if not covered[i]:
        late = [leg.symbol for leg in (a, b) if not leg.covered[i]]
        return (
            OpenReason.WAITING_FOR_DATA,
            f"no bar on or after the deadline yet for {' and '.join(late)}",
        )
    if not has_references[i]:
        missing = [leg.symbol for leg in (a, b) if not leg.has_reference[i]]
        return OpenReason.WAITING_FOR_DATA, f"no reference close yet for {' and '.join(missing)}"
    empty = [leg.symbol for leg in (a, b) if not leg.nonempty[i]]
    return OpenReason.NO_DATA_IN_WINDOW, f"no bar in the window for {' and '.join(empty)}"


# ---------------------------------------------------------------- ratios


def ratio_bars(numerator: pd.DataFrame, denominator: pd.DataFrame) -> pd.DataFrame:
    """The ratio's bars: numerator close / denominator close on the days both have a close.

    open = high = low = close, so every rule reads the ratio's close whatever
    field it watches. A day either leg lacks a close has no ratio bar.
    """
    left = numerator["close"].astype(np.float64)
    right = denominator["close"].astype(np.float64)
    joined = pd.concat({"a": left, "b": right}, axis=1, join="inner", sort=True).dropna()
    joined = joined[(joined["a"] > 0) & (joined["b"] > 0)]
    ratio = (joined["a"] / joined["b"]).to_numpy(dtype=np.float64)
    frame = pd.DataFrame(
        {
            column: (np.full(len(ratio), np.nan) if column == "volume" else ratio)
            for column in BAR_COLUMNS
        },
        index=pd.DatetimeIndex(joined.index, name="date"),
    )
    return frame


def ratio_gaps(
    numerator: pd.DataFrame,
    numerator_gaps: Iterable[date],
    denominator: pd.DataFrame,
    denominator_gaps: Iterable[date],
) -> list[date]:
    """The days the ratio cannot vouch for: one leg's bar was rejected while the other
    leg had a row (a day the other market was shut has no ratio anyway)."""
    a_rows = {d.date() for d in pd.DatetimeIndex(numerator.index)}
    b_rows = {d.date() for d in pd.DatetimeIndex(denominator.index)}
    a_gaps, b_gaps = set(numerator_gaps), set(denominator_gaps)
    return sorted((a_gaps & (b_rows | b_gaps)) | (b_gaps & a_rows))


def ratio_splits(numerator: pd.Series | None, denominator: pd.Series | None) -> pd.Series | None:
    """Split ratios of the ratio series: the numerator's as they are, the denominator's
    inverted (a 2-for-1 split of the denominator doubles the ratio)."""
    parts = []
    if numerator is not None and len(numerator):
        parts.append(numerator.astype(np.float64))
    if denominator is not None and len(denominator):
        parts.append(1.0 / denominator.astype(np.float64))
    if not parts:
        return None
    combined = pd.concat(parts)
    combined = combined.groupby(level=0).prod().sort_index()
    combined.index = pd.DatetimeIndex(combined.index, name="date")
    return combined.rename("split_ratio")


def with_ratio_legs(
    verdicts: Sequence[Verdict],
    numerator: LegData,
    denominator: LegData,
) -> list[Verdict]:
    """Ratio verdicts with both legs' closes on the evidence day (or the closest day while
    open), and their evidence named as the close it is."""
    a_days = _bar_days(numerator.bars)
    b_days = _bar_days(denominator.bars)
    a_close = numerator.bars["close"].to_numpy(dtype=np.float64) if len(a_days) else None
    b_close = denominator.bars["close"].to_numpy(dtype=np.float64) if len(b_days) else None
    out = []
    for verdict in verdicts:
        day = verdict.evidence_date or verdict.closest_date
        legs: tuple[LegEvidence, ...] = ()
        if day is not None and a_close is not None and b_close is not None:
            number = _day_number(day)
            i = int(np.searchsorted(a_days, number))
            j = int(np.searchsorted(b_days, number))
            if i < len(a_days) and a_days[i] == number and j < len(b_days) and b_days[j] == number:
                legs = (
                    LegEvidence(numerator.symbol, day, float(a_close[i])),
                    LegEvidence(denominator.symbol, day, float(b_close[j])),
                )
        out.append(
            replace(
                verdict,
                legs=legs,
                evidence_field=_as_close(verdict.evidence_field),
                closest_field=_as_close(verdict.closest_field),
            )
        )
    return out


def _as_close(field: EvidenceField | None) -> EvidenceField | None:
    """A ratio bar's high and low are its close: evidence read from them is a close."""
    if field in (EvidenceField.HIGH, EvidenceField.LOW):
        return EvidenceField.CLOSE
    return field


def _bar_days(bars: pd.DataFrame) -> np.ndarray:
    if len(bars) == 0:
        return np.empty(0, dtype=np.int64)
    return pd.DatetimeIndex(bars.index).values.astype("datetime64[D]").astype(np.int64)
