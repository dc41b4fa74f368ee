"""Two-asset rules: outperformance on each leg's own calendar, and ratio series.

Gold (GC=F) trades on weekdays, bitcoin (BTC-USD) every day. The call is made
on Friday 2026-01-02; deadlines fall on a Sunday so that the two legs' last
closes differ.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from ledger.claims.model import Claim, ClaimKind, Outcome
from ledger.rules import (
    EvidenceField,
    LegData,
    OpenReason,
    ratio_bars,
    ratio_gaps,
    ratio_splits,
    resolve_many,
    resolve_outperformance,
    with_ratio_legs,
)

MADE_ON = date(2026, 1, 2)  # a Friday


def closes(pairs: dict[str, float]) -> pd.DataFrame:
    index = pd.DatetimeIndex([pd.Timestamp(day) for day in pairs], name="date")
    values = list(pairs.values())
    return pd.DataFrame(
        {"open": values, "high": values, "low": values, "close": values, "volume": np.nan},
        index=index,
    )


def daily(start: str, end: str, price, weekdays_only: bool) -> pd.DataFrame:
    days = pd.date_range(start, end, freq="B" if weekdays_only else "D")
    return closes({d.date().isoformat(): float(price(d.date())) for d in days})


def outperform(
    deadline: str,
    *,
    margin: float = 0.0,
    ref_a: float | None = 100.0,
    ref_b: float | None = 100.0,
    window_start: str | None = None,
) -> Claim:
    start = date.fromisoformat(window_start) if window_start else MADE_ON + timedelta(days=1)
    return Claim(
        symbol="GC=F",
        asset="gold",
        kind=ClaimKind.OUTPERFORM,
        level=None,
        made_on=MADE_ON,
        window_start=start,
        deadline=date.fromisoformat(deadline),
        reference_price=ref_a,
        versus_symbol="BTC-USD",
        versus_asset="bitcoin",
        versus_reference_price=ref_b,
        margin=margin,
    )


# Gold: 100 on the call day, Friday 2026-01-09 closes 110 (+10%).
GOLD = closes(
    {
        "2026-01-02": 100.0,
        "2026-01-05": 104.0,
        "2026-01-06": 105.0,
        "2026-01-07": 106.0,
        "2026-01-08": 108.0,
        "2026-01-09": 110.0,  # Friday: gold's last close on or before Sunday 01-11
        "2026-01-12": 90.0,  # Monday: covers the Sunday deadline
    }
)
# Bitcoin: 100 on the call day, Friday 105 (+5%), Sunday 2026-01-11 closes 100 (0%).
BTC = daily("2026-01-02", "2026-01-12", lambda d: 100.0, weekdays_only=False)
BTC.loc[pd.Timestamp("2026-01-09"), ["open", "high", "low", "close"]] = 105.0
BTC.loc[pd.Timestamp("2026-01-12"), ["open", "high", "low", "close"]] = 150.0


def judge(claims, gold=GOLD, btc=BTC, as_of="2026-01-12", gold_gaps=(), btc_gaps=()):
    return resolve_outperformance(
        claims,
        LegData("GC=F", gold, gaps=gold_gaps),
        LegData("BTC-USD", btc, gaps=btc_gaps),
        date.fromisoformat(as_of),
    )


@pytest.mark.parametrize(
    ("margin", "outcome"),
    [
        pytest.param(0.0, Outcome.TRUE, id="no-margin-true"),
        pytest.param(10.0, Outcome.TRUE, id="spread-equal-to-margin-counts"),
        pytest.param(10.000001, Outcome.FALSE, id="just-above-margin-false"),
    ],
)
def test_each_leg_ends_at_its_own_last_close_before_a_sunday_deadline(margin, outcome):
    # Gold's last close on or before Sunday is Friday's 110 (+10%); bitcoin's is
    # Sunday's 100 (0%), not Friday's 105: the spread is exactly 10 points.
    [verdict] = judge([outperform("2026-01-11", margin=margin)])
    assert verdict.outcome is outcome
    assert verdict.evidence_field is EvidenceField.RETURN_SPREAD
    assert verdict.evidence_price == pytest.approx(10.0)
    gold, btc = verdict.legs
    assert (gold.symbol, gold.end_date, gold.end_price) == ("GC=F", date(2026, 1, 9), 110.0)
    assert (btc.symbol, btc.end_date, btc.end_price) == ("BTC-USD", date(2026, 1, 11), 100.0)
    assert gold.start_date == btc.start_date == MADE_ON
    assert gold.return_pct == pytest.approx(10.0)
    assert btc.return_pct == pytest.approx(0.0)
    assert verdict.evidence_date == date(2026, 1, 11)


def test_false_when_the_first_asset_does_worse():
    [verdict] = judge([outperform("2026-01-11", margin=0.0, ref_a=120.0)])
    # 110 / 120 - 1 = -8.33%, bitcoin 0%.
    assert verdict.outcome is Outcome.FALSE
    assert verdict.evidence_price == pytest.approx((110 / 120 - 1) * 100)


def test_open_until_both_legs_cover_the_deadline():
    # As of Sunday bitcoin has its deadline close, but gold has no bar on or after
    # Sunday yet: Friday might not have been its last trading day.
    [verdict] = judge([outperform("2026-01-11")], as_of="2026-01-11")
    assert verdict.outcome is None
    assert verdict.open_reason is OpenReason.WAITING_FOR_DATA
    assert "GC=F" in (verdict.open_detail or "")
    # Who is ahead so far is still shown.
    assert verdict.closest_price == pytest.approx(10.0)
    assert len(verdict.legs) == 2


def test_before_the_deadline_it_waits():
    [verdict] = judge([outperform("2026-01-31")], as_of="2026-01-12")
    assert verdict.outcome is None
    assert verdict.open_reason is OpenReason.WAITING_FOR_DEADLINE


def test_one_leg_without_data_stays_open_never_false():
    empty = GOLD.iloc[0:0]
    [verdict] = judge([outperform("2026-01-11", margin=50.0)], gold=empty)
    assert verdict.outcome is None
    assert verdict.open_reason is OpenReason.WAITING_FOR_DATA
    assert verdict.legs == ()


def test_missing_reference_stays_open():
    [verdict] = judge([outperform("2026-01-11", ref_b=None)])
    assert verdict.outcome is None
    assert verdict.open_reason is OpenReason.WAITING_FOR_DATA
    assert "BTC-USD" in (verdict.open_detail or "")


def test_rejected_last_bar_of_one_leg_is_a_data_gap():
    # Bitcoin's Sunday bar was rejected: Saturday's close is not the one to judge.
    btc = BTC.drop(pd.Timestamp("2026-01-11"))
    [verdict] = judge([outperform("2026-01-11")], btc=btc, btc_gaps=[date(2026, 1, 11)])
    assert verdict.outcome is None
    assert verdict.open_reason is OpenReason.DATA_GAP
    assert (verdict.open_detail or "").startswith("BTC-USD: gap in the data: 2026-01-11")


def test_a_missing_crypto_day_is_a_gap_but_a_gold_weekend_is_not():
    btc = BTC.drop(pd.Timestamp("2026-01-11"))  # no row at all on Sunday, but Monday's is there
    [verdict] = judge([outperform("2026-01-11")], btc=btc)
    assert verdict.open_reason is OpenReason.DATA_GAP
    [fine] = judge([outperform("2026-01-11")])
    assert fine.outcome is Outcome.TRUE  # gold had no weekend bars and needs none


def test_named_period_measures_from_the_last_close_before_it():
    # "in the week from Monday 01-05": gold's reference is Friday 01-02's close.
    claim = outperform("2026-01-11", window_start="2026-01-05", ref_a=100.0, ref_b=100.0)
    assert claim.reference_day == date(2026, 1, 4)
    [verdict] = judge([claim])
    gold, btc = verdict.legs
    assert gold.start_date == date(2026, 1, 2)  # no gold bar on Sunday 01-04
    assert btc.start_date == date(2026, 1, 4)


def test_a_split_after_the_reference_day_divides_the_stored_reference():
    splits = pd.Series([2.0], index=pd.DatetimeIndex([pd.Timestamp("2026-01-06")]))
    halved = GOLD.copy()
    halved[["open", "high", "low", "close"]] = halved[["open", "high", "low", "close"]] / 2
    [verdict] = resolve_outperformance(
        [outperform("2026-01-11")],
        LegData("GC=F", halved, splits=splits),
        LegData("BTC-USD", BTC),
        date(2026, 1, 12),
    )
    assert verdict.legs[0].start_price == pytest.approx(50.0)
    assert verdict.evidence_price == pytest.approx(10.0)


def test_many_claims_in_one_call_match_one_by_one():
    claims = [
        outperform("2026-01-11", margin=m, ref_a=ra)
        for m in (0.0, 5.0, 10.0, 20.0)
        for ra in (90.0, 100.0, 110.0)
    ] + [outperform("2026-01-31"), outperform("2026-01-11", ref_a=None)]
    together = judge(claims)
    alone = [judge([c])[0] for c in claims]
    assert together == alone


def test_resolve_many_refuses_an_outperformance():
    with pytest.raises(ValueError, match="relative"):
        resolve_many([outperform("2026-01-11")], GOLD, date(2026, 1, 12))


# ---------------------------------------------------------------- ratios


def ratio_claim(kind: ClaimKind, level: float, deadline: str) -> Claim:
    return Claim(
        symbol="GC=F/BTC-USD",
        asset="gold/bitcoin ratio",
        kind=kind,
        level=level,
        made_on=MADE_ON,
        window_start=MADE_ON + timedelta(days=1),
        deadline=date.fromisoformat(deadline),
    )


def test_ratio_bars_use_common_dates_only():
    bars = ratio_bars(GOLD, BTC)
    # Weekends: bitcoin traded, gold did not; no ratio bar.
    assert pd.Timestamp("2026-01-03") not in bars.index
    assert pd.Timestamp("2026-01-10") not in bars.index
    assert bars.loc[pd.Timestamp("2026-01-09"), "close"] == pytest.approx(110 / 105)
    row = bars.loc[pd.Timestamp("2026-01-09")]
    assert row["high"] == row["low"] == row["open"] == row["close"]
    assert len(bars) == len(GOLD)


def test_ratio_touch_is_judged_on_closes_on_common_days():
    # Bitcoin's Saturday close would give a ratio no day shows: it never counts.
    btc = BTC.copy()
    btc.loc[pd.Timestamp("2026-01-10"), ["open", "high", "low", "close"]] = 1.0
    bars = ratio_bars(GOLD, btc)
    [hit, missed] = resolve_many(
        [
            ratio_claim(ClaimKind.TOUCH_ABOVE, 1.08, "2026-01-11"),
            ratio_claim(ClaimKind.TOUCH_ABOVE, 2.0, "2026-01-11"),
        ],
        bars,
        date(2026, 1, 12),
    )
    assert hit.outcome is Outcome.TRUE and hit.evidence_date == date(2026, 1, 8)
    assert missed.outcome is Outcome.FALSE
    [hit] = with_ratio_legs([hit], LegData("GC=F", GOLD), LegData("BTC-USD", btc))
    assert [(leg.symbol, leg.end_price) for leg in hit.legs] == [
        ("GC=F", 108.0),
        ("BTC-USD", 100.0),
    ]
    # A ratio's bars are closes: the evidence says so, whatever field the rule watched.
    assert hit.evidence_field is EvidenceField.CLOSE
    assert hit.evidence_price == pytest.approx(1.08)


def test_ratio_gap_only_where_the_other_leg_traded():
    # Bitcoin rejected on a Saturday (gold shut): no ratio gap. On a Tuesday: a gap.
    gaps = ratio_gaps(GOLD, [], BTC, [date(2026, 1, 3), date(2026, 1, 6)])
    assert gaps == [date(2026, 1, 6)]


def test_ratio_with_a_leg_without_data_stays_open():
    bars = ratio_bars(GOLD, BTC.iloc[0:0])
    [verdict] = resolve_many(
        [ratio_claim(ClaimKind.TOUCH_BELOW, 0.5, "2026-01-11")], bars, date(2026, 1, 12)
    )
    assert verdict.outcome is None


def test_ratio_splits_invert_the_denominator():
    numerator = pd.Series([2.0], index=pd.DatetimeIndex([pd.Timestamp("2026-01-06")]))
    denominator = pd.Series(
        [4.0, 2.0], index=pd.DatetimeIndex([pd.Timestamp("2026-01-06"), pd.Timestamp("2026-01-08")])
    )
    combined = ratio_splits(numerator, denominator)
    assert combined.to_dict() == {pd.Timestamp("2026-01-06"): 0.5, pd.Timestamp("2026-01-08"): 0.5}
    assert ratio_splits(None, None) is None
