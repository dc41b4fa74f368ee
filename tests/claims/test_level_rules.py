"""Claims on levels the market sets: what each phrase reads as, and the errors."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.claims.model import ClaimKind, LevelRule, LevelRuleName
from ledger.claims.parser import claim_from_fields, parse_claim, with_stated_level
from ledger.errors import ClaimError

MADE_ON = date(2025, 11, 20)
SUPPORT = LevelRule(LevelRuleName.SUPPORT, lookback=60, pivot=3)
RESISTANCE = LevelRule(LevelRuleName.RESISTANCE, lookback=60, pivot=3)
YEAR_2025 = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


@pytest.mark.parametrize(
    ("text", "symbol", "kind", "rule", "deadline"),
    [
        pytest.param(
            "BTC holds support", "BTC-USD", ClaimKind.HOLD_ABOVE, SUPPORT, date(2026, 2, 18),
            id="holds-support-default-horizon",
        ),
        pytest.param(
            "bitcoin holds the critical support level through Q1 2026", "BTC-USD",
            ClaimKind.HOLD_ABOVE, SUPPORT, date(2026, 3, 31), id="critical-support-level-q1",
        ),
        pytest.param(
            "gold breaks resistance by March", "GC=F", ClaimKind.TOUCH_ABOVE, RESISTANCE,
            date(2026, 3, 31), id="breaks-resistance",
        ),
        pytest.param(
            "silver falls below support", "SI=F", ClaimKind.TOUCH_BELOW, SUPPORT,
            date(2026, 2, 18), id="falls-below-support",
        ),
        pytest.param(
            "BTC breaks support by 2026-01-31", "BTC-USD", ClaimKind.TOUCH_BELOW, SUPPORT,
            date(2026, 1, 31), id="breaks-support-is-a-fall",
        ),
        pytest.param(
            "BTC holds below resistance", "BTC-USD", ClaimKind.HOLD_BELOW, RESISTANCE,
            date(2026, 2, 18), id="holds-below-resistance",
        ),
        pytest.param(
            "SPX holds its 200-day average", "^GSPC", ClaimKind.HOLD_ABOVE,
            LevelRule(LevelRuleName.MOVING_AVERAGE, length=200), date(2026, 2, 18),
            id="200-day-average-is-no-average-claim",
        ),
        pytest.param(
            "ETH stays above its 50-day moving average until March", "ETH-USD",
            ClaimKind.HOLD_ABOVE, LevelRule(LevelRuleName.MOVING_AVERAGE, length=50),
            date(2026, 3, 31), id="50-day-moving-average",
        ),
        pytest.param(
            "gold falls below the 200-DMA by June", "GC=F", ClaimKind.TOUCH_BELOW,
            LevelRule(LevelRuleName.MOVING_AVERAGE, length=200), date(2026, 6, 30), id="200-dma",
        ),
        pytest.param(
            "gold makes a new all-time high by June", "GC=F", ClaimKind.TOUCH_ABOVE,
            LevelRule(LevelRuleName.RECORD_HIGH, field="high"), date(2026, 6, 30),
            id="new-all-time-high",
        ),
        pytest.param(
            "S&P 500 closes at a record in 2026", "^GSPC", ClaimKind.CLOSE_ABOVE,
            LevelRule(LevelRuleName.RECORD_HIGH, field="close"), date(2026, 12, 31),
            id="close-at-a-record-uses-closes",
        ),
        pytest.param(
            "BTC revisits its 2025 high", "BTC-USD", ClaimKind.TOUCH_ABOVE,
            LevelRule(LevelRuleName.RECORD_HIGH, field="high", **YEAR_2025), date(2026, 11, 20),
            id="2025-high-is-no-deadline",
        ),
        pytest.param(
            "silver back above its 2011 peak by end-2026", "SI=F", ClaimKind.TOUCH_ABOVE,
            LevelRule(LevelRuleName.RECORD_HIGH, field="high", start=date(2011, 1, 1),
                      end=date(2011, 12, 31)),
            date(2026, 12, 31), id="2011-peak",
        ),
        pytest.param(
            "BTC falls below its 2022 low", "BTC-USD", ClaimKind.TOUCH_BELOW,
            LevelRule(LevelRuleName.RECORD_LOW, field="low", start=date(2022, 1, 1),
                      end=date(2022, 12, 31)),
            date(2026, 11, 20), id="2022-low",
        ),
        pytest.param(
            "SPX new low by 2026-06-30", "^GSPC", ClaimKind.TOUCH_BELOW,
            LevelRule(LevelRuleName.RECORD_LOW, field="low"), date(2026, 6, 30), id="new-low",
        ),
    ],
)  # fmt: skip
def test_computed_level_phrases(text, symbol, kind, rule, deadline) -> None:
    claim = parse_claim(text, made_on=MADE_ON)
    assert (claim.symbol, claim.kind, claim.level_rule, claim.deadline) == (
        symbol,
        kind,
        rule,
        deadline,
    )
    assert claim.level is None and claim.level_pending
    again = parse_claim(claim.canonical_text(), made_on=MADE_ON)
    assert again.canonical_text() == claim.canonical_text()
    assert again.level_rule == claim.level_rule


def test_default_horizon_is_an_assumption_and_deadline_overrides_it() -> None:
    claim = parse_claim("BTC holds support", made_on=MADE_ON)
    assert any("judged over 90 days" in note for note in claim.assumptions)
    given = parse_claim("BTC holds support", made_on=MADE_ON, deadline=date(2026, 1, 15))
    assert given.deadline == date(2026, 1, 15)
    assert not any("judged over" in note for note in given.assumptions)
    record = parse_claim("gold makes a new all-time high", made_on=MADE_ON)
    assert record.deadline == date(2026, 11, 20)


def test_a_level_stated_in_the_text_wins() -> None:
    claim = parse_claim("BTC holds support at $80k until 2026-03-31", made_on=MADE_ON)
    assert claim.level == 80000 and claim.level_rule is None
    assert claim.kind is ClaimKind.HOLD_ABOVE


def test_stated_level_replaces_the_computed_one_with_a_note() -> None:
    claim = with_stated_level(parse_claim("BTC holds support", made_on=MADE_ON), 80000.0)
    assert claim.level == 80000 and claim.level_rule is None
    assert claim.canonical_text() == "BTC-USD hold_above 80000 by 2026-02-18"
    assert any("--level 80000" in note for note in claim.assumptions)
    with pytest.raises(ClaimError, match="states its level already"):
        with_stated_level(parse_claim("gold $5055 by end-2026", made_on=MADE_ON), 5000.0)


@pytest.mark.parametrize(
    ("text", "needle", "example"),
    [
        pytest.param(
            "BTC holds its moving average", "needs its length", "200-day", id="ma-without-length"
        ),
        pytest.param(
            "BTC holds the 1000-day average", "2 to 500 days", "200-day", id="ma-too-long"
        ),
        pytest.param(
            "gold revisits its 2027 high", "had not begun", "try '", id="period-in-the-future"
        ),
        pytest.param(
            "BTC holds support above resistance", "two computed levels", "try '", id="two-rules"
        ),
        pytest.param("holds support", "names no asset", "holds support", id="no-asset"),
        pytest.param("BTC holds support +20%", "two levels", "try '", id="rule-and-relative-level"),
        pytest.param("BTC holds support by 2026-01-31", None, None, id="fine-control-case"),
    ],
)
def test_errors_name_the_part_and_give_an_example_that_parses(text, needle, example) -> None:
    if needle is None:
        parse_claim(text, made_on=MADE_ON)
        return
    with pytest.raises(ClaimError) as raised:
        parse_claim(text, made_on=MADE_ON)
    message = str(raised.value)
    assert needle in message and example in message and "\n" not in message
    suggestion = message.rsplit("try '", 1)[1].split("'", 1)[0]
    parse_claim(suggestion, made_on=MADE_ON)


def test_deadline_option_and_a_deadline_in_the_text_conflict() -> None:
    with pytest.raises(ClaimError, match="give one"):
        parse_claim("BTC holds support by March", made_on=MADE_ON, deadline=date(2026, 1, 1))


def test_default_horizon_past_year_9999_is_a_claim_error() -> None:
    with pytest.raises(ClaimError):
        parse_claim("BTC holds support", made_on=date(9999, 12, 1))


def test_structured_fields_take_a_rule_as_level_text() -> None:
    claim = claim_from_fields(
        asset="BTC-USD",
        kind="hold_above",
        level="support(60d,pivot3)",
        deadline="2026-02-18",
        made_on=MADE_ON,
    )
    assert claim.level_rule == SUPPORT and claim.level is None
    with pytest.raises(ClaimError, match="had not begun"):
        claim_from_fields(
            asset="BTC-USD",
            kind="touch_above",
            level="record-high(high,2027-01-01..2027-12-31)",
            deadline="2028-02-18",
            made_on=MADE_ON,
        )
