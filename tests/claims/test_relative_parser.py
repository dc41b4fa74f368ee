"""The claim language for two assets: outperformance and ratios."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ledger.claims.model import LEVEL_KINDS, Claim, ClaimKind
from ledger.claims.parser import claim_from_fields, parse_claim
from ledger.errors import ClaimError

MADE_ON = date(2025, 11, 20)  # a Thursday


def parse(text: str) -> Claim:
    return parse_claim(text, made_on=MADE_ON)


def _same(parsed: Claim, claim: Claim) -> bool:
    """Equal except for how the assets were written and the stated assumptions."""
    return (
        replace(
            parsed,
            asset=claim.asset,
            versus_asset=claim.versus_asset,
            assumptions=claim.assumptions,
        )
        == claim
    )


@pytest.mark.parametrize(
    ("text", "symbol", "versus", "margin", "start", "deadline"),
    [
        pytest.param(
            "gold outperforms bitcoin in 2026",
            "GC=F",
            "BTC-USD",
            0,
            "2026-01-01",
            "2026-12-31",
            id="named-period",
        ),
        pytest.param(
            "silver beats gold by end-2026",
            "SI=F",
            "GC=F",
            0,
            "2025-11-21",
            "2026-12-31",
            id="beats-two-assets",
        ),
        pytest.param(
            "ETH outperforms BTC by 10 points over the next 6 months",
            "ETH-USD",
            "BTC-USD",
            10,
            "2025-11-21",
            "2026-05-20",
            id="margin-in-points",
        ),
        pytest.param(
            "gold vs crypto: gold wins through June",
            "GC=F",
            "BTC-USD",
            0,
            "2025-11-21",
            "2026-06-30",
            id="versus-then-winner",
        ),
        pytest.param(
            "gold outperforms bitcoin from 2025-11-20 through 2026-06-30",
            "GC=F",
            "BTC-USD",
            0,
            "2025-11-21",
            "2026-06-30",
            id="from-the-call-day",
        ),
        pytest.param(
            "bitcoin lags gold by 5pp in 2026",
            "GC=F",
            "BTC-USD",
            5,
            "2026-01-01",
            "2026-12-31",
            id="underperform-swaps",
        ),
        pytest.param(
            "ETH outperforms BTC by 2.5 percentage points by 2026-06-30",
            "ETH-USD",
            "BTC-USD",
            2.5,
            "2025-11-21",
            "2026-06-30",
            id="decimal-margin",
        ),
        pytest.param(
            "bitcoin vs gold: gold comes out ahead by end-2026",
            "GC=F",
            "BTC-USD",
            0,
            "2025-11-21",
            "2026-12-31",
            id="winner-named-second",
        ),
        pytest.param(
            "GC=F outperforms BTC-USD by 10 points from 2026-01-01 to 2026-12-31",
            "GC=F",
            "BTC-USD",
            10,
            "2026-01-01",
            "2026-12-31",
            id="canonical",
        ),
    ],
)
def test_outperformance_phrasings(text, symbol, versus, margin, start, deadline) -> None:
    claim = parse(text)
    assert claim.kind is ClaimKind.OUTPERFORM
    assert (claim.symbol, claim.versus_symbol, claim.margin) == (symbol, versus, margin)
    assert claim.window_start == date.fromisoformat(start)
    assert claim.deadline == date.fromisoformat(deadline)
    assert claim.level is None
    assert _same(parse(claim.canonical_text()), claim)


def test_named_period_measures_from_the_last_close_before_it() -> None:
    claim = parse("gold outperforms bitcoin in 2026")
    assert claim.reference_day == date(2025, 12, 31)
    assert any("last close on or before 2025-12-31" in a for a in claim.assumptions)


def test_crypto_for_bitcoin_is_stated() -> None:
    claim = parse("gold vs crypto: gold wins through June")
    assert any("'crypto' is read as bitcoin" in a for a in claim.assumptions)


def test_a_margin_written_as_percent_is_read_as_points_and_said_so() -> None:
    claim = parse("ETH outperforms BTC by 10% in H1 2026")
    assert claim.margin == 10
    assert any("10 percentage points" in a for a in claim.assumptions)


@pytest.mark.parametrize(
    ("text", "symbol", "kind", "level", "deadline"),
    [
        pytest.param(
            "the gold/silver ratio falls to 80 by end-2026",
            "GC=F/SI=F",
            ClaimKind.TOUCH_BELOW,
            80,
            "2026-12-31",
            id="ratio-touch",
        ),
        pytest.param(
            "ETH/BTC above 0.05 on 2026-06-30",
            "ETH-USD/BTC-USD",
            ClaimKind.TOUCH_ABOVE,
            0.05,
            "2026-06-30",
            id="ratio-without-the-word",
        ),
        pytest.param(
            "gold/silver ratio holds below 100 in 2026",
            "GC=F/SI=F",
            ClaimKind.HOLD_BELOW,
            100,
            "2026-12-31",
            id="ratio-hold",
        ),
        pytest.param(
            "the gold/silver ratio falls to 60 by 2026-06-30",
            "GC=F/SI=F",
            ClaimKind.TOUCH_BELOW,
            60,
            "2026-06-30",
            id="ratio-done-when",
        ),
        pytest.param(
            "the gold-to-silver ratio closes below 70 on 2026-12-31",
            "GC=F/SI=F",
            ClaimKind.CLOSE_BELOW,
            70,
            "2026-12-31",
            id="to-ratio-close",
        ),
        pytest.param(
            "gold/silver ratio averages above 75 in Q1 2026",
            "GC=F/SI=F",
            ClaimKind.AVERAGE_ABOVE,
            75,
            "2026-03-31",
            id="ratio-average",
        ),
        pytest.param(
            "GC=F/SI=F touch_below 60 by 2026-06-30",
            "GC=F/SI=F",
            ClaimKind.TOUCH_BELOW,
            60,
            "2026-06-30",
            id="canonical",
        ),
    ],
)
def test_ratio_phrasings(text, symbol, kind, level, deadline) -> None:
    claim = parse(text)
    assert (claim.symbol, claim.kind, claim.level) == (symbol, kind, level)
    assert claim.deadline == date.fromisoformat(deadline)
    assert any("judged on daily closes" in a for a in claim.assumptions)
    assert "daily closes on the days both traded" in claim.describe()
    assert _same(parse(claim.canonical_text()), claim)


def test_eur_usd_stays_one_asset() -> None:
    assert parse("EUR/USD 1.2 by end-2026").symbol == "EURUSD=X"


@pytest.mark.parametrize(
    "text",
    ["BTC beats 100k by end-2026", "gold outruns the S&P 500 to $5055 by end-2026"],
    ids=["beat-a-price", "outrun-to-a-price"],
)
def test_weak_comparison_words_with_a_price_are_price_targets(text: str) -> None:
    assert parse(text).kind is ClaimKind.TOUCH_ABOVE


def _example(message: str) -> str:
    match = re.search(r"try '(.*)'", message)
    assert match, message
    return match[1]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param("gold vs bitcoin by end-2026", "takes no side", id="no-side"),
        pytest.param("gold outperforms by end-2026", "an asset on each side", id="one-asset"),
        pytest.param("outperforms bitcoin by end-2026", "an asset on each side", id="no-winner"),
        pytest.param("gold outperforms bitcoin", "no deadline", id="no-deadline"),
        pytest.param(
            "gold outperforms bitcoin by -5 points by end-2026", "negative", id="negative-margin"
        ),
        pytest.param(
            "gold outperforms bitcoin by 5000 by end-2026", "has a level", id="level-not-margin"
        ),
        pytest.param(
            "gold outperforms bitcoin by 20000 points by end-2026", "above 10,000", id="huge"
        ),
        pytest.param(
            "gold outperforms bitcoin by 5 points by 10 points by end-2026",
            "two margins",
            id="two-margins",
        ),
        pytest.param("gold outperforms gold by end-2026", "with itself", id="same-asset"),
        pytest.param(
            "gold outperforms bitcoin and silver by end-2026", "names 3 assets", id="three"
        ),
        pytest.param(
            "gold/silver ratio outperforms bitcoin by end-2026", "is a ratio", id="ratio-leg"
        ),
        pytest.param("gold outperforms bitcoin by 2025-01-01", "not after", id="past-deadline"),
        pytest.param("gold/gold ratio falls to 80 by end-2026", "by itself", id="ratio-of-itself"),
    ],
)
def test_malformed_relative_claims_are_one_line_with_an_example_that_parses(
    text: str, needle: str
) -> None:
    with pytest.raises(ClaimError) as caught:
        parse(text)
    message = str(caught.value)
    assert needle in message
    assert "\n" not in message
    if needle in _NO_REPAIR:  # any suggestion would change what the claim says (issue 14)
        assert "try '" not in message
        return
    parse(_example(message))  # the suggestion itself parses


# A margin too big to be meant and a ratio of an asset to itself cannot be completed
# without changing the claim: the message says what is wrong and suggests nothing.
_NO_REPAIR = ("above 10,000", "by itself")


def test_structured_fields() -> None:
    claim = claim_from_fields(
        asset="ETH",
        kind="outperform",
        level=None,
        deadline="2026-05-20",
        made_on=MADE_ON,
        versus="crypto",
        margin="10pp",
    )
    assert (claim.symbol, claim.versus_symbol, claim.margin) == ("ETH-USD", "BTC-USD", 10.0)
    ratio = claim_from_fields(
        asset="gold/silver", kind="touch_below", level=60, deadline="2026-06-30", made_on=MADE_ON
    )
    assert ratio.symbol == "GC=F/SI=F"
    with pytest.raises(ClaimError, match="needs versus"):
        claim_from_fields(
            asset="gold", kind="outperform", level=None, deadline="2026-05-20", made_on=MADE_ON
        )
    with pytest.raises(ClaimError, match="belong to kind outperform"):
        claim_from_fields(
            asset="gold",
            kind="touch_above",
            level=5000,
            deadline="2026-05-20",
            made_on=MADE_ON,
            versus="bitcoin",
        )
    with pytest.raises(ClaimError, match="not a number"):
        claim_from_fields(
            asset="gold",
            kind="outperform",
            level=None,
            deadline="2026-05-20",
            made_on=MADE_ON,
            versus="bitcoin",
            margin="lots",
        )


ASSETS = ("gold", "silver", "bitcoin", "BTC", "ETH", "S&P 500", "oil", "AAPL", "crypto", "GC=F")
VERBS = ("outperforms", "beats", "lags", "underperforms", "vs", "does better than", "trails")
MARGINS = ("", "by 10 points", "by 2.5pp", "by 5%", "by 0 points", "by -3 points", "by 7000")
DEADLINES = (
    "by end-2026", "in 2026", "by 2026-06-30", "through June", "from 2026-01-05 to 2026-03-31",
    "over the next 6 months", "in Q3 2026",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    first=st.sampled_from(ASSETS),
    verb=st.sampled_from(VERBS),
    second=st.sampled_from(ASSETS),
    margin=st.sampled_from(MARGINS),
    deadline=st.sampled_from(DEADLINES),
    made_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 30)),
)
def test_comparisons_round_trip_through_canonical_text(
    first, verb, second, margin, deadline, made_on
) -> None:
    text = " ".join(part for part in (first, verb, second, margin, deadline) if part)
    try:
        claim = parse_claim(text, made_on=made_on)
    except ClaimError as error:
        assert "\n" not in str(error)
        return
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)


WORDS = (
    "gold", "bitcoin", "crypto", "/", "silver", "ratio", "gold/silver", "ETH/BTC", "vs", "wins",
    "outperforms", "lags", "beats", "by", "10", "points", "pp", "%", "-", "in", "2026",
    "end-2026", "from", "to", "2026-01-01", "falls", "above", "60", "$5055", ":", "the",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=10), made_on=st.dates())
def test_relative_word_soup_gives_a_claim_or_a_claim_error(words, made_on) -> None:
    text = " ".join(words)
    try:
        claim = parse_claim(text, made_on=made_on)
    except ClaimError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(claim, Claim)
    assume(claim.deadline.year < 9999)
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)


@settings(max_examples=200, deadline=None)
@given(
    made_on=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    days=st.integers(min_value=1, max_value=4000),
    offset=st.integers(min_value=0, max_value=4000),
    margin=st.floats(min_value=0, max_value=10_000),
    pair=st.sampled_from([("GC=F", "BTC-USD"), ("ETH-USD", "BTC-USD"), ("^GSPC", "SI=F")]),
    ratio_kind=st.sampled_from(LEVEL_KINDS),
)
def test_canonical_relative_claims_round_trip(made_on, days, offset, margin, pair, ratio_kind):
    deadline = made_on + timedelta(days=days)
    start = min(made_on + timedelta(days=1 + offset), deadline)
    claim = Claim(
        symbol=pair[0],
        asset=pair[0],
        kind=ClaimKind.OUTPERFORM,
        level=None,
        made_on=made_on,
        window_start=start,
        deadline=deadline,
        versus_symbol=pair[1],
        versus_asset=pair[1],
        margin=round(margin, 4),
    )
    assert _same(parse_claim(claim.canonical_text(), made_on=made_on), claim)
    ratio = parse_claim(
        f"{pair[0]}/{pair[1]} {ratio_kind.value} 60 by {deadline.isoformat()}", made_on=made_on
    )
    assert _same(parse_claim(ratio.canonical_text(), made_on=made_on), ratio)
