"""The claim language end to end: text in, Claim or ClaimError out."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ledger.claims import bounds
from ledger.claims.model import (
    Claim,
    ClaimKind,
    LevelRule,
    LevelRuleName,
    RelativeKind,
    RelativeLevel,
    format_price,
)
from ledger.claims.parser import claim_from_fields, parse_claim, parse_vague
from ledger.errors import ClaimError, UnknownAssetError

MADE_ON = date(2025, 11, 20)
DAY_AFTER = date(2025, 11, 21)
K = ClaimKind


def test_headline() -> None:
    claim = parse_claim("gold $5055 by end-2026", made_on=date(2025, 11, 20))
    assert claim == Claim(
        symbol="GC=F",
        asset="gold",
        kind=K.TOUCH_ABOVE,
        level=5055.0,
        made_on=date(2025, 11, 20),
        window_start=date(2025, 11, 21),
        deadline=date(2026, 12, 31),
        assumptions=claim.assumptions,
    )
    assert claim.assumptions == (
        "no direction word: read as 'reaches' (touch_above); write 'falls to' for a target below",
    )


def _expect(expected: str, claim: Claim) -> None:
    """Check a claim against "kind symbol level start..deadline".

    The level is a price ("5055") or canonical relative text ("+20%", "x2").
    """
    kind, symbol, level, window = expected.split()
    start, deadline = window.split("..")
    assert claim.kind is ClaimKind(kind)
    assert claim.symbol == symbol
    assert claim.canonical_level == level
    if level[0] in "+-x":
        assert (claim.level, claim.reference_price) == (None, None)
        assert claim.relative is not None
    else:
        assert claim.relative is None
        assert claim.level == float(level)
    assert claim.window_start == date.fromisoformat(start)
    assert claim.deadline == date.fromisoformat(deadline)


# text, expected "kind symbol level start..deadline", a fragment of a stated assumption
CLAIMS = [
    # touch
    ("gold $5055 by end-2026", "touch_above GC=F 5055 2025-11-21..2026-12-31", "no direction word"),
    ("BTC hits 150k by 2026-06-30", "touch_above BTC-USD 150000 2025-11-21..2026-06-30", None),
    ("silver falls to $40 by Q2 2026", "touch_below SI=F 40 2025-11-21..2026-06-30", None),
    ("gold >= 5055 by 2026-12-31", "touch_above GC=F 5055 2025-11-21..2026-12-31", None),
    ("gold <= 3000 by 2026-12-31", "touch_below GC=F 3000 2025-11-21..2026-12-31", None),
    ("ETH reaches 10k by mid-2026", "touch_above ETH-USD 10000 2025-11-21..2026-06-30", "mid-2026"),
    ("oil drops below $50 by June 2026", "touch_below CL=F 50 2025-11-21..2026-06-30", None),
    (
        "bitcoin tops $200,000 next year",
        "touch_above BTC-USD 200000 2025-11-21..2026-12-31",
        "'next year' read as by 2026-12-31",
    ),
    ("BTC +20% by 2026-06-30", "touch_above BTC-USD +20% 2025-11-21..2026-06-30", None),
    ("BTC -15% within 90 days", "touch_below BTC-USD -15% 2025-11-21..2026-02-18", "90 days"),
    ("ETH doubles by end-2026", "touch_above ETH-USD x2 2025-11-21..2026-12-31", None),
    ("BTC halves by 2026-12-31", "touch_below BTC-USD x0.5 2025-11-21..2026-12-31", None),
    ("ETH triples by end-2026", "touch_above ETH-USD x3 2025-11-21..2026-12-31", None),
    ("ETH x1.5 by end-2026", "touch_above ETH-USD x1.5 2025-11-21..2026-12-31", None),
    ("BTC rises 20% by 2026-06-30", "touch_above BTC-USD +20% 2025-11-21..2026-06-30", None),
    ("BTC up 20% by 2026-06-30", "touch_above BTC-USD +20% 2025-11-21..2026-06-30", None),
    ("BTC 20% higher by 2026-06-30", "touch_above BTC-USD +20% 2025-11-21..2026-06-30", None),
    ("BTC falls 15% by 2026-06-30", "touch_below BTC-USD -15% 2025-11-21..2026-06-30", None),
    ("BTC down 15% by 2026-06-30", "touch_below BTC-USD -15% 2025-11-21..2026-06-30", None),
    ("BTC drops 15% by 2026-06-30", "touch_below BTC-USD -15% 2025-11-21..2026-06-30", None),
    ("BTC 20% by end-2026", "touch_above BTC-USD +20% 2025-11-21..2026-12-31", "no sign"),
    ("AAPL 250 by EOY 2026", "touch_above AAPL 250 2025-11-21..2026-12-31", None),
    ("7203.T 3000 by H1 2027", "touch_above 7203.T 3000 2025-11-21..2027-06-30", None),
    ("EUR/USD 1.2 by end-2026", "touch_above EURUSD=X 1.2 2025-11-21..2026-12-31", None),
    ("gold $5055 by 2026", "touch_above GC=F 5055 2025-11-21..2026-12-31", "read as by 2026-12-31"),
    ("gold $5055 before 2026-12-31", "touch_above GC=F 5055 2025-11-21..2026-12-30", "day before"),
    ("gold $5055 in 6 months", "touch_above GC=F 5055 2025-11-21..2026-05-20", "calendar months"),
    ("gold $5055 in Q3 2026", "touch_above GC=F 5055 2026-07-01..2026-09-30", None),
    ("ETH over 2000 by June 2026", "touch_above ETH-USD 2000 2025-11-21..2026-06-30", None),
    ("gold at 2050 by end-2026", "touch_above GC=F 2050 2025-11-21..2026-12-31", None),
    ("Goldman: GOLD TO $5,055 BY END-2026", "touch_above GC=F 5055 2025-11-21..2026-12-31", None),
    (
        "gold 5055.123456789 by end-2026",
        "touch_above GC=F 5055.123457 2025-11-21..2026-12-31",
        "10 significant digits",
    ),
    # close
    (
        "S&P 500 closes above 7000 on 2026-12-31",
        "close_above ^GSPC 7000 2025-11-21..2026-12-31",
        None,
    ),
    ("SPX ends 2026 above 7000", "close_above ^GSPC 7000 2025-11-21..2026-12-31", None),
    ("gold finishes the year above 4000", "close_above GC=F 4000 2025-11-21..2025-12-31", None),
    (
        "BTC closes below 50k on 2026-06-30",
        "close_below BTC-USD 50000 2025-11-21..2026-06-30",
        None,
    ),
    ("gold closes 2026 below 3000", "close_below GC=F 3000 2025-11-21..2026-12-31", None),
    ("BTC closes up 10% on 2026-06-30", "close_above BTC-USD +10% 2025-11-21..2026-06-30", None),
    (
        "SPX closes 7000 on 2026-12-31",
        "close_above ^GSPC 7000 2025-11-21..2026-12-31",
        "closes above",
    ),
    # hold
    ("BTC holds 80000 until 2026-03-31", "hold_above BTC-USD 80000 2025-11-21..2026-03-31", None),
    (
        "bitcoin holds support at $80k through January",
        "hold_above BTC-USD 80000 2025-11-21..2026-01-31",
        "January",
    ),
    ("gold stays below 3500 in 2026", "hold_below GC=F 3500 2026-01-01..2026-12-31", None),
    ("BTC stays above 60k for 6 months", "hold_above BTC-USD 60000 2025-11-21..2026-05-20", None),
    (
        "ETH remains above $2,000 until end-2026",
        "hold_above ETH-USD 2000 2025-11-21..2026-12-31",
        None,
    ),
    (
        "SPX never falls below 5000 in H1 2026",
        "hold_above ^GSPC 5000 2026-01-01..2026-06-30",
        None,
    ),
    ("gold will not exceed 6000 by end-2026", "hold_below GC=F 6000 2025-11-21..2026-12-31", None),
    ("BTC stays above -10% until end-2026", "hold_above BTC-USD -10% 2025-11-21..2026-12-31", None),
    (
        "gold rises above and stays above 4000 in 2026",
        "hold_above GC=F 4000 2026-01-01..2026-12-31",
        None,
    ),
    # average
    (
        "gold averages $5,055 in Q4 2026",
        "average_above GC=F 5055 2026-10-01..2026-12-31",
        "read as 'averages above'",
    ),
    ("oil averages below $60 in 2026", "average_below CL=F 60 2026-01-01..2026-12-31", None),
    ("gold averages above 4500 in H1 2026", "average_above GC=F 4500 2026-01-01..2026-06-30", None),
    ("silver average above $50 in Q3 2026", "average_above SI=F 50 2026-07-01..2026-09-30", None),
    (
        "gold averages above 4000 in Q4 2025",
        "average_above GC=F 4000 2025-10-01..2025-12-31",
        "on or before the call date",
    ),
    (
        "gold averages above 4000 by end-2026",
        "average_above GC=F 4000 2025-11-21..2026-12-31",
        "no averaging period",
    ),
    # canonical text
    ("GC=F touch_above 5055 by 2026-12-31", "touch_above GC=F 5055 2025-11-21..2026-12-31", None),
    (
        "GC=F average_above 5055 from 2026-10-01 to 2026-12-31",
        "average_above GC=F 5055 2026-10-01..2026-12-31",
        None,
    ),
    (
        "BTC-USD touch_above +20% by 2026-06-30",
        "touch_above BTC-USD +20% 2025-11-21..2026-06-30",
        None,
    ),
    ("ETH-USD touch_above x2 by 2026-12-31", "touch_above ETH-USD x2 2025-11-21..2026-12-31", None),
    (
        "^GSPC hold_below 7000 from 2026-01-01 to 2026-06-30",
        "hold_below ^GSPC 7000 2026-01-01..2026-06-30",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected", "note"), CLAIMS, ids=[row[0] for row in CLAIMS])
def test_claims(text: str, expected: str, note: str | None) -> None:
    claim = parse_claim(text, made_on=MADE_ON)
    _expect(expected, claim)
    assert claim.made_on == MADE_ON
    if note is not None:
        assert any(note in assumption for assumption in claim.assumptions), claim.assumptions
    assert _same(parse_claim(claim.canonical_text(), made_on=MADE_ON), claim)


def test_period_already_begun_is_clipped_to_the_day_after_the_call() -> None:
    claim = parse_claim("gold stays below 3500 in 2026", made_on=date(2026, 3, 1))
    _expect("hold_below GC=F 3500 2026-03-02..2026-12-31", claim)
    assert any("the window starts the day after" in note for note in claim.assumptions)


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        ("gold $5055 by end-2026", "gold"),
        ("BTC hits 150k by 2026-06-30", "BTC"),
        ("S&P 500 closes above 7000 on 2026-12-31", "S&P 500"),
        ("Bitcoin 200k by end-2026", "Bitcoin"),
    ],
    ids=["gold", "BTC", "S&P 500", "Bitcoin"],
)
def test_asset_is_what_the_user_typed(text: str, asset: str) -> None:
    assert parse_claim(text, made_on=MADE_ON).asset == asset


def test_user_aliases() -> None:
    claim = parse_claim("apple 300 by end-2026", made_on=MADE_ON, aliases={"apple": "AAPL"})
    assert (claim.asset, claim.symbol) == ("apple", "AAPL")


def test_first_asset_mention_wins() -> None:
    claim = parse_claim("gold outruns the S&P 500 to $5055 by end-2026", made_on=MADE_ON)
    assert (claim.symbol, claim.level) == ("GC=F", 5055.0)


def test_explicit_direction_states_no_direction_assumption() -> None:
    claim = parse_claim("gold reaches $5055 by 2026-12-31", made_on=MADE_ON)
    assert claim.assumptions == ()


# ---------------------------------------------------------------- errors


def _example(message: str) -> str:
    match = re.search(r"try '([^']*)'(?: \(known|$)", message)
    assert match, message
    return match[1]


EXACT_ERRORS = [
    (
        "BTC holds firm",
        "'BTC holds firm' has no level: try 'BTC holds firm 80000 until 2026-03-31'",
    ),
    ("gold $5055", "'gold $5055' has no deadline: try 'gold $5055 by end-2026'"),
    ("", "empty claim: try 'gold $5055 by end-2026'"),
]


@pytest.mark.parametrize(
    ("text", "message"), EXACT_ERRORS, ids=["no-level", "no-deadline", "empty"]
)
def test_missing_part_messages(text: str, message: str) -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim(text, made_on=MADE_ON)
    assert str(raised.value) == message


def test_no_asset_message_lists_known_assets() -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim("$5055 by end-2026", made_on=MADE_ON)
    assert str(raised.value).startswith(
        "'$5055 by end-2026' names no asset: try 'gold $5055 by end-2026' (known: gold, silver,"
        " bitcoin,"
    )
    assert str(raised.value).endswith("; or a Yahoo symbol like AAPL)")


# (text, what the message says, the suggestion or None). A suggestion keeps the
# user's asset, level and words and repairs only the part at fault; where no
# repair can do that, the message names the problem and suggests nothing.
ERRORS = [
    ("   ", "empty claim", "gold $5055 by end-2026"),
    ("gold by end-2026", "has no level", "gold $5055 by end-2026"),
    ("BTC holds firm", "has no level", "BTC holds firm 80000 until 2026-03-31"),
    ("gold $5055", "has no deadline", "gold $5055 by end-2026"),
    ("SPX closes above 7000", "has no deadline", "SPX closes above 7000 on 2026-12-31"),
    ("$5055 by end-2026", "names no asset", "gold $5055 by end-2026"),
    ("falls to 40 in 2026", "names no asset", "gold falls to 40 in 2026"),
    ("gold 0 by end-2026", "level '0' is not above 0", None),
    ("gold -5 by end-2026", "level '-5' is not above 0", None),
    (
        "gold $5055 by 2025-06-30",
        "2025-06-30 ('by 2025-06-30') is not after the call date 2025-11-20",
        "gold $5055 by 2026-06-30",
    ),
    (
        "gold $5055 by 2025-11-20",
        "2025-11-20 ('by 2025-11-20') is not after the call date 2025-11-20",
        "gold $5055 by 2026-11-20",
    ),
    ("BTC rises below 50k by 2026-06-30", "('rises' is above, 'below' is below)", None),
    ("BTC falls +20% by 2026-06-30", "contradictory directions", None),
    (
        "gold closes and averages above 5000 by end-2026",
        "two kinds of claim ('closes' and 'averages')",
        None,
    ),
    ("BTC -100% by 2026-06-30", "'-100%' is not above -100%", None),
    ("BTC falls 150% by 2026-06-30", "'150%' is not above -100%", None),
    ("BTC x0 by 2026-06-30", "multiple 'x0' is not above 0", None),
    ("gold 5055 by 2026-13-45", "'2026-13-45' is not a valid date", None),
    ("gold never 5000 by end-2026", "'never' is only understood in phrases like", None),
    ("BTC +5 by end-2026", "'+5' is unclear", None),
    ("gold 5055 from 2026-12-01 to 2026-01-01", "after it ends", None),
    ("apple 300 by end-2026", "names no asset", "Apple 300 by end-2026"),
    ("rivn hits 50 by 2026-12-31", "names no asset", "RIVN hits 50 by 2026-12-31"),
]


@pytest.mark.parametrize(
    ("text", "fragment", "suggestion"), ERRORS, ids=[t or "blank" for t, _, _ in ERRORS]
)
def test_errors_name_the_problem_and_suggest_only_a_repair(
    text: str, fragment: str, suggestion: str | None
) -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim(text, made_on=MADE_ON)
    message = str(raised.value)
    assert fragment in message
    assert "\n" not in message
    if suggestion is None:
        assert "try '" not in message, message
        return
    assert _example(message) == suggestion
    parse_claim(suggestion, made_on=MADE_ON)


# Issue 14: suggestions used to swap the user's asset, level or words for an example.
ISSUE_14 = [
    (
        "Rheinmetall hits $2000 by end-2026",
        date(2025, 11, 20),
        None,
        "'Rheinmetall' is not a known name; write its Yahoo symbol in its place",
    ),
    (
        "NVDA hits $200 by end-2025",
        date(2026, 12, 6),
        "NVDA hits $200 by end-2026",
        "is not after the call date 2026-12-06",
    ),
    (
        "gold $5055 by Christmas",
        date(2025, 12, 6),
        "gold $5055 by end-2026",
        "('by Christmas' is not a date it reads)",
    ),
]


@pytest.mark.parametrize(
    ("text", "made_on", "suggestion", "fragment"),
    ISSUE_14,
    ids=["unknown-name-not-prefixed-with-gold", "level-kept-deadline-moved", "unread-date"],
)
def test_suggestions_keep_the_users_claim(
    text: str, made_on: date, suggestion: str | None, fragment: str
) -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim(text, made_on=made_on)
    message = str(raised.value)
    assert fragment in message
    assert "gold Rheinmetall" not in message
    if suggestion is None:
        assert "try '" not in message
    else:
        assert _example(message) == suggestion
        parse_claim(suggestion, made_on=made_on)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("gold 5055 or 6000 by end-2026", ("gold 5055 by end-2026", "gold 6000 by end-2026")),
        ("BTC +20% or 150k by end-2026", ("BTC +20% by end-2026", "BTC 150k by end-2026")),
        (
            "gold 5055 by end-2026 or by mid-2026",
            ("gold 5055 by end-2026", "gold 5055 by mid-2026"),
        ),
    ],
    ids=["two-levels", "relative-and-price", "two-deadlines"],
)
def test_two_levels_or_deadlines_suggest_one_claim_each(text: str, claims: tuple[str, str]) -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim(text, made_on=MADE_ON)
    assert f"try '{claims[0]}' and '{claims[1]}', one claim each" in str(raised.value)
    for claim in claims:
        parse_claim(claim, made_on=MADE_ON)


def test_an_unknown_name_is_carried_by_the_error() -> None:
    with pytest.raises(UnknownAssetError) as raised:
        parse_claim("Palantirx Technologies hits $200 by end-2026", made_on=MADE_ON)
    assert raised.value.name == "Palantirx Technologies"
    assert raised.value.text == "Palantirx Technologies hits $200 by end-2026"


def test_error_example_moves_with_the_call_date() -> None:
    with pytest.raises(ClaimError) as raised:
        parse_claim("gold $5055", made_on=date(2031, 5, 1))
    assert _example(str(raised.value)) == "gold $5055 by end-2032"


def test_overlong_text_is_refused() -> None:
    with pytest.raises(ClaimError, match="at most 1000"):
        parse_claim("gold $5055 by end-2026 " * 100, made_on=MADE_ON)


# ---------------------------------------------------------------- structured fields


# fields, expected "kind symbol level start..deadline"
FIELDS = [
    pytest.param(
        dict(asset="gold", kind="touch_above", level=5055, deadline="end-2026"),
        "touch_above GC=F 5055 2025-11-21..2026-12-31",
        id="alias-number-phrase",
    ),
    pytest.param(
        dict(asset="GC=F", kind="touch_above", level="$5,055", deadline=date(2026, 12, 31)),
        "touch_above GC=F 5055 2025-11-21..2026-12-31",
        id="symbol-text-date",
    ),
    pytest.param(
        dict(asset="BTC", kind="touch_above", level="+20%", deadline="2026-06-30"),
        "touch_above BTC-USD +20% 2025-11-21..2026-06-30",
        id="relative",
    ),
    pytest.param(
        dict(asset="BTC", kind="touch_below", level="15%", deadline="in 90 days"),
        "touch_below BTC-USD -15% 2025-11-21..2026-02-18",
        id="unsigned-percent-takes-the-kind-side",
    ),
    pytest.param(
        dict(asset="ETH", kind="TOUCH-ABOVE", level="doubles", deadline="end-2026"),
        "touch_above ETH-USD x2 2025-11-21..2026-12-31",
        id="multiple-word",
    ),
    pytest.param(
        dict(
            asset="gold",
            kind="average_above",
            level=5055,
            deadline="2026-12-31",
            start="2026-10-01",
        ),
        "average_above GC=F 5055 2026-10-01..2026-12-31",
        id="average-start",
    ),
    pytest.param(
        dict(asset="gold", kind="average_above", level=5055, deadline="in Q4 2026"),
        "average_above GC=F 5055 2026-10-01..2026-12-31",
        id="average-period-phrase",
    ),
    pytest.param(
        dict(asset="gold", kind="hold_below", level=3500, deadline="2026", start="2026"),
        "hold_below GC=F 3500 2026-01-01..2026-12-31",
        id="hold-year",
    ),
    pytest.param(
        dict(asset="aapl", kind="close_above", level=300.5, deadline="Q2 2026"),
        "close_above AAPL 300.5 2025-11-21..2026-06-30",
        id="lower-case-symbol",
    ),
]


@pytest.mark.parametrize(("fields", "expected"), FIELDS)
def test_claim_from_fields(fields: dict, expected: str) -> None:
    claim = claim_from_fields(made_on=MADE_ON, **fields)
    _expect(expected, claim)
    assert _same(parse_claim(claim.canonical_text(), made_on=MADE_ON), claim)


FIELD_ERRORS = [
    pytest.param(dict(kind="touches"), "unknown kind 'touches'", id="unknown-kind"),
    pytest.param(dict(level=0), "not above 0", id="zero-level"),
    pytest.param(dict(level=-5), "not above 0", id="negative-level"),
    pytest.param(dict(level="abc"), "level 'abc' is not a price", id="level-text"),
    pytest.param(dict(level=True), "not true/false", id="level-bool"),
    pytest.param(dict(level=float("nan")), "not a finite number", id="level-nan"),
    pytest.param(dict(level="-100%"), "not above -100%", id="percent"),
    pytest.param(dict(level="-20%"), "contradictory directions", id="touch-above-minus"),
    pytest.param(dict(deadline="2025-01-01"), "not after the call date 2025-11-20", id="past"),
    pytest.param(dict(deadline="2026-13-45"), "not a valid date", id="deadline-invalid"),
    pytest.param(dict(deadline="someday"), "'someday' is not a deadline", id="deadline-phrase"),
    pytest.param(dict(deadline=20261231), "deadline must be a date", id="deadline-int"),
    pytest.param(dict(start="2027-01-01"), "after its deadline", id="start-after-deadline"),
    pytest.param(dict(asset="my house"), "unknown asset 'my house'", id="asset"),
    pytest.param(dict(asset=None), "asset must be text", id="asset-none"),
]


@pytest.mark.parametrize(("override", "fragment"), FIELD_ERRORS)
def test_claim_from_fields_errors(override: dict, fragment: str) -> None:
    fields = dict(asset="gold", kind="touch_above", level=5055, deadline="end-2026")
    fields.update(override)
    with pytest.raises(ClaimError) as raised:
        claim_from_fields(made_on=MADE_ON, **fields)
    assert fragment in str(raised.value)


# ---------------------------------------------------------------- properties


def _same(parsed: Claim, claim: Claim) -> bool:
    """Equal except for how the asset was written and the stated assumptions."""
    return replace(parsed, asset=claim.asset, assumptions=claim.assumptions) == claim


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), made_on=st.dates(min_value=date(1990, 1, 1)))
def test_any_text_gives_a_claim_or_a_claim_error(text: str, made_on: date) -> None:
    try:
        claim = parse_claim(text, made_on=made_on)
    except ClaimError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(claim, Claim)


WORDS = (
    "gold", "BTC", "S&P 500", "AAPL", "$5,055", "150k", "+20%", "-15%", "x2", "doubles", "by",
    "end-2026", "in", "Q3", "2026", "falls", "to", "below", "above", "holds", "never", "closes",
    "averages", "from", "2026-10-01", "2026-12-31", "within", "90", "days", "next", "year", "EOY",
    "mid-2026", "-", "%", "$", "0", "1e400", "before", "through", "January", "stays", "touch_above",
    "support", "resistance", "critical", "level", "200-day", "moving", "average", "50-DMA",
    "all-time", "high", "low", "record", "2025", "peak", "ATH", "breaks", "new", "its", "the",
    "support(60d,pivot3)", "sma(200)", "record-high(close)",
    "record-low(low,2011-01-01..2011-12-31)",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=9), made_on=st.dates(min_value=date(1990, 1, 1))
)
def test_claim_like_word_soup_gives_a_claim_or_a_claim_error(
    words: list[str], made_on: date
) -> None:
    text = " ".join(words)
    try:
        claim = parse_claim(text, made_on=made_on)
    except ClaimError:
        return
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)


ASSETS = (
    "gold", "silver", "BTC", "bitcoin", "ETH", "S&P 500", "SPX", "oil", "EUR/USD", "AAPL",
    "7203.T", "BRK-B",
)  # fmt: skip
VERBS = (
    "", "reaches", "hits", "falls to", "drops below", "closes above", "closes below", "holds",
    "stays above", "stays below", "never falls below", "averages", "averages above",
    "averages below", ">=", "<=",
)  # fmt: skip
DEADLINES = (
    "by end-2026", "by 2026-06-30", "on 2026-12-31", "by Q3 2026", "in Q4 2026", "in H1 2026",
    "by June 2026", "in June 2026", "by mid-2026", "in 6 months", "within 90 days", "in 2 weeks",
    "in a year", "next year", "this year", "next month", "through January", "until March",
    "in 2026", "by 2026", "EOY", "year-end", "before 2026-12-31",
    "from 2026-10-01 to 2026-12-31",
)  # fmt: skip


@st.composite
def level_texts(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=999_999))
    return draw(
        st.sampled_from([f"${n:,}", f"{n / 1000:g}k", str(n), f"{n / 100:g}", f"${n / 1000:g}k"])
    )


@settings(max_examples=300, deadline=None)
@given(
    asset=st.sampled_from(ASSETS),
    verb=st.sampled_from(VERBS),
    level=level_texts(),
    deadline=st.sampled_from(DEADLINES),
    made_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 30)),
)
def test_written_claims_round_trip_through_canonical_text(
    asset: str, verb: str, level: str, deadline: str, made_on: date
) -> None:
    text = " ".join(part for part in (asset, verb, level, deadline) if part)
    try:
        claim = parse_claim(text, made_on=made_on)
    except ClaimError as error:
        # The only way these sentences fail is a deadline that is already past.
        assert "is not after the call date" in str(error), str(error)
        return
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)


SYMBOLS = (
    "GC=F", "SI=F", "BTC-USD", "ETH-USD", "^GSPC", "CL=F", "EURUSD=X", "AAPL", "7203.T", "BRK-B",
    "F",
)  # fmt: skip


@st.composite
def canonical_claims(draw: st.DrawFn) -> Claim:
    """Claims the parser can produce, built directly rather than from text."""
    made_on = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
    kind = draw(st.sampled_from([k for k in ClaimKind if k is not ClaimKind.OUTPERFORM]))
    if kind.is_vague:
        said = " ".join(
            draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1)).split()
        )
        assume(said)
        symbol = draw(st.sampled_from(("", *SYMBOLS)))
        return Claim(
            symbol=symbol,
            asset=symbol,
            kind=kind,
            level=None,
            made_on=made_on,
            window_start=made_on,
            deadline=made_on,
            statement=said,
        )
    deadline = made_on + timedelta(days=draw(st.integers(min_value=1, max_value=4000)))
    day_after = made_on + timedelta(days=1)
    if kind.family == "close":
        window_start = day_after
    elif kind.family == "average":
        window_start = deadline - timedelta(days=draw(st.integers(0, 4000)))
    else:
        window_start = day_after + timedelta(days=draw(st.integers(0, (deadline - day_after).days)))
    level: float | None = None
    upper: float | None = None
    relative = None
    rule = None
    form = draw(st.sampled_from(["price", "percent", "multiple", "rule"]))
    if kind.is_band:
        bound = st.floats(min_value=1e-6, max_value=bounds.MAX_PRICE)
        low, high = sorted(float(format_price(draw(bound))) for _ in range(2))
        assume(0 < low < high)
        level, upper = low, high
    elif form == "rule":
        rule = draw(level_rules_made_on(made_on))
    elif form == "price":
        level = float(format_price(draw(st.floats(min_value=1e-6, max_value=bounds.MAX_PRICE))))
        assume(level > 0)
    else:
        if form == "percent":
            value = float(f"{draw(st.floats(min_value=-99.99, max_value=1000)):g}")
            relative = RelativeLevel(RelativeKind.PERCENT, value)
            side_of_value = value > 0
            assume(value > -100 and value != 0)
        else:
            value = float(f"{draw(st.floats(min_value=0.01, max_value=50)):g}")
            relative = RelativeLevel(RelativeKind.MULTIPLE, value)
            side_of_value = value > 1
            assume(value > 0 and value != 1)
        if kind.family == "touch":
            # A touch claim's relative level points the way of its side: "falls +20%" is refused.
            assume(side_of_value == kind.is_above)
    symbol = draw(st.sampled_from(SYMBOLS))
    return Claim(
        symbol=symbol,
        asset=symbol,
        kind=kind,
        level=level,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        relative=relative,
        level_rule=rule,
        upper=upper,
    )


@st.composite
def level_rules_made_on(draw: st.DrawFn, made_on: date) -> LevelRule:
    """Any rule the claim language writes, with a period begun by `made_on`."""
    name = draw(st.sampled_from(list(LevelRuleName)))
    if name in (LevelRuleName.SUPPORT, LevelRuleName.RESISTANCE):
        pivot = draw(st.integers(1, 20))
        return LevelRule(name, lookback=draw(st.integers(2 * pivot + 1, 1000)), pivot=pivot)
    if name is LevelRuleName.MOVING_AVERAGE:
        return LevelRule(name, length=draw(st.integers(2, 500)))
    field = draw(st.sampled_from(["high", "low", "close"]))
    if draw(st.booleans()):
        return LevelRule(name, field=field)
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=made_on))
    end = start + timedelta(days=draw(st.integers(0, 800)))
    return LevelRule(name, field=field, start=start, end=end)


@settings(max_examples=300, deadline=None)
@given(canonical_claims())
def test_canonical_claims_round_trip(claim: Claim) -> None:
    parsed = parse_claim(claim.canonical_text(), made_on=claim.made_on)
    assert _same(parsed, claim), (claim.canonical_text(), parsed)


def test_a_lower_case_ticker_not_in_the_table_gets_the_upper_case_suggestion() -> None:
    with pytest.raises(ClaimError) as caught:
        parse_claim("rivn hits 50 by 2026-12-31", made_on=date(2025, 11, 20))
    assert "try 'RIVN hits 50 by 2026-12-31'" in str(caught.value)
    assert parse_claim("RIVN hits 50 by 2026-12-31", made_on=date(2025, 11, 20)).symbol == "RIVN"


def test_a_lower_case_ticker_in_the_table_is_read_with_an_assumption() -> None:
    claim = parse_claim("tsla hits 500 by 2026-12-31", made_on=date(2025, 11, 20))
    assert (claim.symbol, claim.asset) == ("TSLA", "tsla")
    assert "'tsla' read as TSLA" in claim.assumptions


@pytest.mark.parametrize("text", ["gold $-5000 by end-2026", "gold -$5000 by end-2026"])
def test_a_negative_price_keeps_its_sign_and_is_refused(text: str) -> None:
    with pytest.raises(ClaimError, match="is not above 0"):
        parse_claim(text, made_on=date(2025, 11, 20))


def test_a_plus_sign_on_a_price_suggests_the_number_without_symbols() -> None:
    with pytest.raises(ClaimError, match=r"write '\+5000%' for a rise or '5000' for a price"):
        parse_claim("gold $+5000 by end-2026", made_on=date(2025, 11, 20))


_CLAIM_WORDS = st.sampled_from(
    ["Nvidia", "nvda", "Apple", "apple", "Target", "shares", "Nasdaq 100", "copper", "cable",
     "dollar-yen", "solana", "Goldman Sachs", "'s", "hits", "falls to", "$250", "5k", "+20%",
     "by", "end-2026", "Christmas", "or", "Rheinmetall", "in Q4 2026", "until"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_CLAIM_WORDS, st.text(max_size=6)), max_size=10))
def test_text_with_names_is_a_claim_or_a_claim_error(words: list[str]) -> None:
    text = " ".join(words)
    try:
        claim = parse_claim(text, made_on=MADE_ON)
    except ClaimError as error:
        message = str(error)
        assert "\n" not in message
        match = re.search(r"try '(.*?)'(?: \(known|$)", message)
        if match:
            parse_claim(match[1], made_on=MADE_ON)  # a suggestion always parses
        return
    assert parse_claim(claim.canonical_text(), made_on=MADE_ON).symbol == claim.symbol


# ---------------------------------------------------------------- bands and vague calls

BAND_PHRASES = (
    "{asset} between {low} and {high} {when}",
    "{asset} closes between {low} and {high} {when}",
    "{asset} stays between {low} and {high} {when}",
    "{asset} trades in a {low}-{high} range {when}",
    "{asset} in a {low} to {high} trading range {when}",
    "{asset} range-bound between {low} and {high} {when}",
)


@settings(max_examples=300, deadline=None)
@given(
    phrase=st.sampled_from(BAND_PHRASES),
    asset=st.sampled_from(["gold", "BTC", "oil", "S&P 500", "AAPL"]),
    first=st.floats(min_value=0.01, max_value=1e9, allow_nan=False),
    second=st.floats(min_value=0.01, max_value=1e9, allow_nan=False),
    money=st.sampled_from(["", "$"]),
    when=st.sampled_from(["by end-2027", "until 2027-03-31", "through 2027", "on 2027-06-30"]),
)
def test_band_phrases_give_a_band_or_a_claim_error(
    phrase: str, asset: str, first: float, second: float, money: str, when: str
) -> None:
    low, high = (f"{money}{format_price(float(f'{v:.6g}'))}" for v in (first, second))
    text = phrase.format(asset=asset, low=low, high=high, when=when)
    try:
        claim = parse_claim(text, made_on=date(2026, 1, 5))
    except ClaimError as error:
        assert "\n" not in str(error)
        # Only bounds that are equal (once rounded) or written too small to tell apart fail.
        assert "bounds are both" in str(error) or "not above 0" in str(error), str(error)
        return
    assert claim.kind in (ClaimKind.CLOSE_BETWEEN, ClaimKind.HOLD_BETWEEN)
    assert claim.level is not None and claim.upper is not None and claim.level < claim.upper
    if "stays" in phrase or "range" in phrase:
        assert claim.kind is ClaimKind.HOLD_BETWEEN
    assert _same(parse_claim(claim.canonical_text(), made_on=claim.made_on), claim)


@settings(max_examples=200, deadline=None)
@given(said=st.text(max_size=120), made_on=st.dates(min_value=date(1990, 1, 1)))
def test_any_vague_text_gives_a_vague_call_or_a_claim_error(said: str, made_on: date) -> None:
    try:
        claim = parse_vague(said, made_on=made_on)
    except ClaimError as error:
        assert "\n" not in str(error)
        return
    assert claim.kind is ClaimKind.VAGUE and claim.level is None
    assert claim.statement == " ".join(said.split())
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)


@pytest.mark.parametrize(
    ("text", "needle", "example"),
    [
        pytest.param(
            "gold between 5000 by end-2026",
            "'between 5000' gives one bound of a band",
            "gold between 5000 and 6000 by end-2026",
            id="one-bound",
        ),
        pytest.param(
            "BTC closes between $90k",
            "gives one bound of a band",
            "BTC closes between $90k and 108000 on 2026-12-31",
            id="one-bound-no-deadline",
        ),
    ],
)
def test_a_band_with_one_bound_names_the_missing_bound(text: str, needle: str, example: str):
    with pytest.raises(ClaimError) as caught:
        parse_claim(text, made_on=date(2025, 11, 20))
    message = str(caught.value)
    assert needle in message and f"try '{example}'" in message
    parse_claim(example, made_on=date(2025, 11, 20))


@pytest.mark.parametrize(
    ("text", "symbol", "level"),
    [
        ("brent sub-$50 by mid-2026", "BZ=F", 50.0),
        ("BTC sub-60k by March 2026", "BTC-USD", 60000.0),
    ],
)
def test_a_hyphen_glued_to_a_word_is_no_minus_sign(text: str, symbol: str, level: float) -> None:
    claim = parse_claim(text, made_on=MADE_ON)
    assert (claim.symbol, claim.level, claim.kind) == (symbol, level, ClaimKind.TOUCH_BELOW)
