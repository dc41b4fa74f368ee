"""Bands: close_between and hold_between at their edges, with splits and data gaps.

The bars are the rule table's (tests/rules/test_rules.py): made_on is Monday
2024-01-01, and the window's highs run 104, 106, 108, 103, 102, 101, its lows
96, 97, 99, 95, 94, 93, its closes 101, 103, 105, 98, 97, 96.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ledger.claims.model import Claim, ClaimKind, Outcome
from ledger.rules import EvidenceField, OpenReason, resolve, resolve_many
from tests.rules.test_rules import BARS, MADE_ON

CB, HB = ClaimKind.CLOSE_BETWEEN, ClaimKind.HOLD_BETWEEN
T, F = Outcome.TRUE, Outcome.FALSE


def band(kind: ClaimKind, floor: float, ceiling: float, deadline: str) -> Claim:
    return Claim(
        symbol="TEST",
        asset="TEST",
        kind=kind,
        level=floor,
        upper=ceiling,
        made_on=MADE_ON,
        window_start=date(2024, 1, 2),
        deadline=date.fromisoformat(deadline),
    )


AS_OF = date(2024, 1, 9)


@pytest.mark.parametrize(
    ("floor", "ceiling", "deadline", "expect", "evidence_date", "evidence_price"),
    [
        pytest.param(95, 100, "2024-01-08", T, "2024-01-08", 97.0, id="close-inside"),
        pytest.param(97, 100, "2024-01-08", T, "2024-01-08", 97.0, id="close-exactly-on-floor"),
        pytest.param(90, 97, "2024-01-08", T, "2024-01-08", 97.0, id="close-exactly-on-ceiling"),
        pytest.param(97.01, 100, "2024-01-08", F, "2024-01-08", 97.0, id="close-just-below-floor"),
        pytest.param(90, 96.99, "2024-01-08", F, "2024-01-08", 97.0, id="close-just-above-ceiling"),
        # A weekend deadline is judged on Friday's close once Monday's bar is in.
        pytest.param(97, 99, "2024-01-07", T, "2024-01-05", 98.0, id="weekend-deadline-friday"),
        pytest.param(90, 110, "2024-01-10", OpenReason.WAITING_FOR_DEADLINE, None, None,
                     id="deadline-ahead"),
    ],
)  # fmt: skip
def test_close_between(floor, ceiling, deadline, expect, evidence_date, evidence_price) -> None:
    verdict = resolve(band(CB, floor, ceiling, deadline), BARS, AS_OF)
    if isinstance(expect, Outcome):
        assert verdict.outcome is expect
        assert verdict.evidence_date == date.fromisoformat(evidence_date)
        assert verdict.evidence_price == evidence_price
        assert verdict.evidence_field is EvidenceField.CLOSE
    else:
        assert verdict.outcome is None and verdict.open_reason is expect
        # The closest approach of a band's close: the latest close so far.
        assert verdict.closest_date == date(2024, 1, 9) and verdict.closest_price == 96.0


@pytest.mark.parametrize(
    ("floor", "ceiling", "expect", "evidence_date", "field", "price"),
    [
        # Highs reach 108 on 01-04, lows 93 on 01-09.
        # Both edges reached: no room either side, and the tie goes to the earlier day.
        pytest.param(93, 108, T, "2024-01-04", EvidenceField.HIGH, 108.0,
                     id="both-edges-touched-never-left"),
        pytest.param(90, 108, T, "2024-01-04", EvidenceField.HIGH, 108.0,
                     id="high-equals-ceiling-is-inside"),
        pytest.param(93.5, 120, F, "2024-01-09", EvidenceField.LOW, 93.0, id="low-below-floor"),
        pytest.param(90, 107.5, F, "2024-01-04", EvidenceField.HIGH, 108.0,
                     id="high-above-ceiling"),
        pytest.param(96.5, 105, F, "2024-01-02", EvidenceField.LOW, 96.0,
                     id="first-exit-below-wins"),
        pytest.param(95, 103.5, F, "2024-01-02", EvidenceField.HIGH, 104.0,
                     id="first-exit-above-wins"),
        pytest.param(96.5, 103.5, F, "2024-01-02", EvidenceField.LOW, 96.0,
                     id="both-edges-on-one-bar-floor-first"),
    ],
)  # fmt: skip
def test_hold_between(floor, ceiling, expect, evidence_date, field, price) -> None:
    verdict = resolve(band(HB, floor, ceiling, "2024-01-09"), BARS, date(2024, 1, 10))
    assert verdict.outcome is expect
    assert verdict.evidence_date == date.fromisoformat(evidence_date)
    assert verdict.evidence_field is field
    assert verdict.evidence_price == price
    assert verdict.level_used == floor and verdict.upper_used == ceiling


def test_hold_between_unbroken_waits_for_the_deadline_with_its_nearest_edge() -> None:
    verdict = resolve(band(HB, 80, 110, "2024-01-31"), BARS, AS_OF)
    assert verdict.outcome is None and verdict.open_reason is OpenReason.WAITING_FOR_DEADLINE
    # Room above: (110 - 108) / 110 = 1.8%; below: (93 - 80) / 80 = 16%.
    assert (verdict.closest_date, verdict.closest_price) == (date(2024, 1, 4), 108.0)
    assert verdict.closest_field is EvidenceField.HIGH
    assert verdict.bars_in_window == 6


def test_hold_between_breaks_before_its_deadline() -> None:
    verdict = resolve(band(HB, 95.5, 120, "2024-01-31"), BARS, AS_OF)
    assert verdict.outcome is F
    assert verdict.evidence_date == date(2024, 1, 5) and verdict.bars_in_window == 4


def test_a_gap_day_inside_a_hold_band_keeps_it_open_and_a_break_still_decides() -> None:
    gaps = [date(2024, 1, 3)]  # the source's bar that day was rejected
    bars = BARS.drop(pd.Timestamp("2024-01-03"))
    held = resolve(band(HB, 90, 110, "2024-01-09"), bars, date(2024, 1, 10), gaps=gaps)
    assert held.outcome is None and held.open_reason is OpenReason.DATA_GAP
    assert "2024-01-03" in (held.open_detail or "")
    broken = resolve(band(HB, 90, 105, "2024-01-09"), bars, date(2024, 1, 10), gaps=gaps)
    assert broken.outcome is F and broken.evidence_date == date(2024, 1, 4)


def test_a_gap_after_the_last_close_keeps_a_close_band_open() -> None:
    gaps = [date(2024, 1, 9)]
    verdict = resolve(band(CB, 90, 110, "2024-01-09"), BARS.iloc[:-1], date(2024, 1, 10), gaps=gaps)
    assert verdict.outcome is None and verdict.open_reason is OpenReason.DATA_GAP
    # A gap before the judged close does not matter to a close.
    early = resolve(
        band(CB, 90, 110, "2024-01-09"), BARS, date(2024, 1, 10), gaps=[date(2024, 1, 3)]
    )
    assert early.outcome is T and early.evidence_price == 96.0


def test_a_split_after_made_on_divides_both_edges() -> None:
    splits = pd.Series([2.0], index=pd.DatetimeIndex([date(2024, 1, 5)]))
    # Stated before a 2-for-1 split: 190..220 is 95..110 in today's units.
    verdict = resolve(band(HB, 190, 220, "2024-01-09"), BARS, date(2024, 1, 10), splits)
    assert verdict.outcome is F and verdict.evidence_field is EvidenceField.LOW
    assert (
        verdict.level_used == 95.0 and verdict.upper_used == 110.0 and verdict.split_factor == 2.0
    )


def test_bands_mix_with_other_kinds_in_one_batch() -> None:
    claims = [
        band(HB, 90, 110, "2024-01-09"),
        band(CB, 95, 100, "2024-01-08"),
        Claim("TEST", "TEST", ClaimKind.TOUCH_ABOVE, 107.0, MADE_ON, date(2024, 1, 2),
              date(2024, 1, 9)),
    ]  # fmt: skip
    verdicts = resolve_many(claims, BARS, date(2024, 1, 10))
    assert [v.outcome for v in verdicts] == [T, T, T]
    assert verdicts[2].upper_used is None and "adjusted_upper" not in verdicts[2].evidence()
    assert verdicts[0].evidence()["adjusted_upper"] == 110.0


def test_a_vague_call_is_never_decided() -> None:
    vague = Claim("", "", ClaimKind.VAGUE, None, MADE_ON, MADE_ON, MADE_ON, statement="soon")
    verdict = resolve(vague, BARS, date(2024, 1, 10))
    assert verdict.outcome is None
