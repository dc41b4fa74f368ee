"""Calls that must come out right, each its own test, and the rules behind them."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.claims.model import ClaimKind
from ledger.claims.parser import parse_claim
from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import Candidate, extract_article, extract_candidates

MADE_ON = date(2025, 11, 20)
K = ClaimKind


def read(text: str, made_on: date = MADE_ON, **options: object) -> list[Candidate]:
    return extract_candidates(text, made_on=made_on, **options)  # type: ignore[arg-type]


def only(candidates: list[Candidate]) -> Candidate:
    assert len(candidates) == 1, [c.claim_text or c.template for c in candidates]
    return candidates[0]


def assert_reads_back(candidate: Candidate) -> None:
    """The claim text is claim language: it parses to the very claim proposed."""
    assert candidate.claim is not None and candidate.claim_text is not None
    assert parse_claim(candidate.claim_text, made_on=candidate.made_on) == candidate.claim


# ---------------------------------------------------------------- the required cases


def test_bank_target_with_a_year_end_deadline() -> None:
    candidate = only(read("JPMorgan expects gold to reach $5,055 by the end of 2026."))
    assert candidate.claim is not None
    assert candidate.claim.canonical_text() == "GC=F touch_above 5055 by 2026-12-31"
    assert candidate.speaker == "JPMorgan"
    assert candidate.confidence >= 0.9
    assert not (candidate.hedged or candidate.conditional or candidate.negated)
    assert_reads_back(candidate)


def test_blogger_needs_to_hold_support_asks_for_a_level() -> None:
    candidate = only(read("Bitcoin needs to hold support."))
    assert candidate.claim is None and candidate.claim_text is None
    assert candidate.needs == "level"
    assert candidate.symbol == "BTC-USD"
    assert candidate.kind == "hold_above"
    assert candidate.confidence < 0.6
    assert candidate.template == "bitcoin holds above {level} within 12 months"
    assert any("no level given" in note for note in candidate.assumptions)
    given = candidate.with_level("90000")
    assert given is not None
    claim = parse_claim(given, made_on=MADE_ON)
    assert (claim.kind, claim.level, claim.deadline) == (K.HOLD_ABOVE, 90000.0, date(2026, 11, 20))


def test_quarterly_average_forecast() -> None:
    candidate = only(
        read("Goldman Sachs expects gold to average $4,200 an ounce in the second quarter of 2026.")
    )
    assert candidate.claim is not None
    assert candidate.claim.kind is K.AVERAGE_ABOVE
    assert candidate.claim.level == 4200
    assert (candidate.claim.window_start, candidate.claim.deadline) == (
        date(2026, 4, 1),
        date(2026, 6, 30),
    )
    assert candidate.speaker == "Goldman Sachs"
    assert_reads_back(candidate)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gold broke $50 last week.", id="broke-last-week"),
        pytest.param(
            "Gold hit a record $4,381 an ounce on Monday before tumbling 5% on Tuesday.",
            id="record-then-drop",
        ),
        pytest.param("Bitcoin has gained 33% so far this year to $118,000.", id="perfect-ytd"),
        pytest.param("Silver rose 4% to $47.50, its highest close since 2011.", id="rose-to"),
    ],
)
def test_a_past_event_with_a_price_is_no_candidate(text: str) -> None:
    assert read(text) == []


def test_two_forecasts_in_one_sentence() -> None:
    candidates = read("Goldman sees gold at $4,900 and silver at $60 by end-2026.")
    assert [c.claim.canonical_text() for c in candidates if c.claim] == [
        "GC=F touch_above 4900 by 2026-12-31",
        "SI=F touch_above 60 by 2026-12-31",
    ]
    assert {c.speaker for c in candidates} == {"Goldman Sachs"}
    for candidate in candidates:
        assert_reads_back(candidate)


def test_a_target_in_a_headline() -> None:
    text = "Citi sets $150,000 bitcoin target for end-2026\n\nThe bank published its note today."
    candidate = only(read(text, made_on=date(2025, 12, 10)))
    assert candidate.headline
    assert candidate.claim is not None
    assert candidate.claim.canonical_text() == "BTC-USD touch_above 150000 by 2026-12-31"
    assert candidate.speaker == "Citi"
    assert candidate.confidence >= 0.6


# ---------------------------------------------------------------- flags


def test_a_conditional_is_flagged_and_kept_below_the_bar() -> None:
    candidate = only(read("If the Fed cuts twice, gold could reach $5,500 next year."))
    assert candidate.conditional and candidate.hedged
    assert candidate.confidence <= 0.3
    assert any(note.startswith("conditional") for note in candidate.assumptions)


def test_a_condition_governs_only_its_own_clause() -> None:
    text = "My target for ether is $4,800 by June 2026, and I'll sell if ETH closes below $2,600."
    candidates = read(text, author="Maya Chen")
    by_level = {c.claim.level: c for c in candidates if c.claim}
    assert not by_level[4800].conditional
    assert by_level[4800].speaker == "Maya Chen"
    assert all(c.conditional for level, c in by_level.items() if level != 4800)


def test_a_scenario_makes_only_its_clause_conditional() -> None:
    text = "The bank's base case is bitcoin at $150,000 by end-2026; its bear case is $78,000."
    candidates = read(text)
    levels = {c.claim.level: c.conditional for c in candidates if c.claim}
    assert levels == {150000: False}


def test_a_hedged_call_is_flagged_for_a_probability() -> None:
    candidate = only(read("Bitcoin could slide to $80,000 by March, analysts at Citi said."))
    assert candidate.hedged and not candidate.conditional
    assert candidate.claim is not None and candidate.claim.kind is K.TOUCH_BELOW
    assert candidate.speaker == "Citi"
    assert candidate.confidence >= 0.6


def test_a_call_the_speaker_rejects_is_negated() -> None:
    text = "Capital Economics does not expect gold to reach $6,000 next year."
    candidate = only(read(text))
    assert candidate.negated and candidate.confidence <= 0.25
    assert candidate.speaker == "Capital Economics"


def test_not_be_surprised_is_no_negation() -> None:
    candidate = only(read("I would not be surprised to see ether fall to $2,500 by March."))
    assert not candidate.negated


def test_a_stated_probability_is_kept() -> None:
    candidate = only(read("UBS puts a 60% chance on gold hitting $5,000 by end-2026."))
    assert candidate.probability == pytest.approx(0.6)
    assert candidate.claim is not None and candidate.claim.level == 5000


# ---------------------------------------------------------------- what the claim says


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        pytest.param(
            "Citi expects Brent to stay below $70 a barrel through the end of the first half"
            " of 2026.",
            "BZ=F hold_below 70 by 2026-06-30",
            id="hold-below-brent",
        ),
        pytest.param(
            "Analysts at Bernstein expect bitcoin to stay above $80,000 through March.",
            "BTC-USD hold_above 80000 by 2026-03-31",
            id="hold-above",
        ),
        pytest.param(
            "Deutsche Bank forecasts that the S&P 500 will end next year at 8,000.",
            "^GSPC close_above 8000 by 2026-12-31",
            id="close-year-end",
        ),
        pytest.param(
            "Ether is poised to rally 50% within six months, Fundstrat said.",
            "ETH-USD touch_above +50% by 2026-05-20",
            id="relative-percent",
        ),
        pytest.param(
            "JPMorgan sees the S&P 500 falling 15% over the next 12 months.",
            "^GSPC touch_below -15% by 2026-11-20",
            id="relative-fall",
        ),
        pytest.param(
            "VanEck expects bitcoin to double within a year.",
            "BTC-USD touch_above x2 by 2026-11-20",
            id="multiple",
        ),
        pytest.param(
            "We see ether reaching 5.1k by the end of Q1.",
            "ETH-USD touch_above 5100 by 2026-03-31",
            id="k-notation",
        ),
        pytest.param(
            "Heraeus expects silver to top the $50 mark before year-end.",
            "SI=F touch_above 50 by 2025-12-30",
            id="the-mark",
        ),
        pytest.param(
            "UBS expects the metal to average $3,900 in Q2 2026 and $4,000 in Q3.",
            "",
            id="year-carried-to-a-later-quarter",
        ),
    ],
)
def test_claims_read_from_sentences(text: str, canonical: str) -> None:
    candidates = [c for c in read(text) if c.claim]
    if canonical:
        assert [c.claim.canonical_text() for c in candidates] == [canonical]  # type: ignore[union-attr]
    for candidate in candidates:
        assert_reads_back(candidate)


def test_a_year_named_earlier_carries_to_a_later_quarter() -> None:
    text = "UBS expects gold to average $3,900 in Q2 2026 and $4,000 in Q3."
    deadlines = [c.deadline for c in read(text, made_on=date(2025, 9, 15))]
    assert deadlines == [date(2026, 6, 30), date(2026, 9, 30)]


def test_no_time_frame_uses_the_default_horizon_and_says_so() -> None:
    candidate = only(read("Goldman expects gold to reach $5,000."))
    assert candidate.deadline == date(2026, 11, 20)
    assert any("default horizon of 12 months" in note for note in candidate.assumptions)
    shorter = only(read("Goldman expects gold to reach $5,000.", horizon_months=6))
    assert shorter.deadline == date(2026, 5, 20)


def test_a_past_clause_does_not_lend_its_level() -> None:
    text = "Gold, which hit $4,381 in October, will climb to $5,000 by end-2026, UBS said."
    candidate = only(read(text))
    assert candidate.claim is not None and candidate.claim.level == 5000


def test_the_current_price_and_a_starting_point_are_not_levels() -> None:
    text = "Gold, currently at $4,200, will climb to $4,800 by mid-2026, up from $4,000 now."
    candidate = only(read(text))
    assert candidate.claim is not None and candidate.claim.level == 4800


def test_a_range_is_proposed_as_a_band_to_confirm() -> None:
    """The claim language reads bands now (close_between, hold_between): a range is one,
    capped below --min-confidence, as a band is as often where the price has been."""
    candidate = only(read("BofA expects gold to trade between $3,800 and $4,400 in Q1 2026."))
    assert candidate.claim is not None and candidate.needs is None
    assert candidate.claim.canonical_text() == (
        "GC=F hold_between 3800 and 4400 from 2026-01-01 to 2026-03-31"
    )
    assert candidate.confidence < DEFAULT_MIN_CONFIDENCE
    assert any("a band" in note for note in candidate.assumptions)


# ---------------------------------------------------------------- assets


def test_names_articles_use_for_assets() -> None:
    text = (
        "Analysts expect the yellow metal to hit $5,000, bullion to hold above $4,000, and Brent"
        " crude to average $60, all in 2026."
    )
    symbols = {c.symbol for c in read(text)}
    assert symbols == {"GC=F", "BZ=F"}


def test_upper_case_words_are_not_tickers_unless_the_article_marks_them() -> None:
    assert read("UBS expects CPI to reach 3.5 by 2026.") == []
    candidate = only(read("We expect $NVDA to hit $250 by end-2026."))
    assert candidate.symbol == "NVDA"


@pytest.mark.parametrize(
    ("text", "symbol", "level"),
    [
        ("Analysts expect Nvidia shares to reach $250 by end-2026.", "NVDA", 250.0),
        ("Morgan Stanley sees Apple's stock at $300 by end-2026.", "AAPL", 300.0),
        ("UBS expects the Nasdaq 100 to hit 30,000 by end-2026.", "^NDX", 30000.0),
        ("Goldman Sachs expects platinum to reach $2,000 by end-2026.", "PL=F", 2000.0),
    ],
    ids=["company-shares", "company-possessive-stock", "index", "bank-speaks-on-platinum"],
)
def test_names_from_the_instrument_table(text: str, symbol: str, level: float) -> None:
    candidate = only(read(text))
    assert (candidate.symbol, candidate.claim.level if candidate.claim else None) == (
        symbol,
        level,
    )


def test_gold_stocks_are_still_not_the_price_of_gold() -> None:
    assert read("Gold stocks could rise 30% by end-2026.") == []


def test_a_lower_case_ticker_in_an_article_is_not_read() -> None:
    assert read("we expect nvda to hit $250 by end-2026.") == []


def test_user_aliases_are_read() -> None:
    candidate = only(read("Citi sees copper at $5.20 by end-2026.", aliases={"copper": "HG=F"}))
    assert candidate.claim_text == "copper reaches $5.20 by end-2026"
    assert candidate.symbol == "HG=F"


def test_a_yardstick_asset_is_not_the_subject() -> None:
    candidate = only(read("Bitcoin will outperform gold and reach $150,000 by end-2026."))
    assert candidate.symbol == "BTC-USD"


def test_the_metal_points_back_to_the_asset_named_before() -> None:
    text = "Silver rallied 4% on Tuesday. UBS expects the metal to reach $60 by end-2026."
    candidate = only(read(text))
    assert candidate.symbol == "SI=F"
    assert any("'the metal' read as SI=F" in note for note in candidate.assumptions)


# ---------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("According to Goldman Sachs, gold will hit $5,000 by 2026.", "Goldman Sachs"),
        pytest.param("Analysts at Citi expect gold to hit $5,000 by 2026.", "Citi"),
        pytest.param("Citi's strategists expect gold to hit $5,000 by 2026.", "Citi"),
        pytest.param("Goldman Sachs analysts expect gold to hit $5,000 by 2026.", "Goldman Sachs"),
        pytest.param(
            "Gold will hit $5,000 by 2026, said Jane Doe, chief strategist at Acme Capital.",
            "Acme Capital",
        ),
        pytest.param("UBS: gold to average $3,900 in Q2 2026", "UBS"),
    ],
)
def test_speakers_named_in_the_sentence(text: str, speaker: str) -> None:
    assert only(read(text)).speaker == speaker


def test_first_person_calls_belong_to_the_author() -> None:
    text = "By Priya Raman\nNovember 20, 2025\n\nI expect gold to hit $5,000 next year."
    extraction = extract_article(text, today=date(2026, 1, 1))
    candidate = only(list(extraction.candidates))
    assert extraction.author == "Priya Raman"
    assert candidate.speaker == "Priya Raman"


def test_the_bank_points_back_to_the_last_speaker() -> None:
    text = "Goldman Sachs raised its outlook. The bank now expects silver to reach $60 by 2026."
    assert only(read(text)).speaker == "Goldman Sachs"


def test_a_headline_restating_the_body_is_one_candidate() -> None:
    text = (
        "Goldman sees gold at $4,900 by end-2026\n\n"
        "Goldman Sachs expects gold to reach $4,900 by the end of 2026."
    )
    candidate = only(read(text))
    assert candidate.speaker == "Goldman Sachs"
    assert not candidate.headline


# ---------------------------------------------------------------- made_on


def test_made_on_comes_from_the_dateline_then_the_caller_then_today() -> None:
    text = "Gold outlook\n\nNovember 20, 2025\n\nUBS expects gold to hit $5,000 next year."
    today = date(2026, 1, 1)
    from_text = extract_article(text, today=today)
    assert from_text.made_on == MADE_ON
    assert "dateline" in from_text.made_on_from
    assert only(list(from_text.candidates)).deadline == date(2026, 12, 31)
    given = extract_article(text, today=today, made_on=date(2024, 6, 3))
    assert given.made_on == date(2024, 6, 3)
    assert only(list(given.candidates)).deadline == date(2025, 12, 31)
    undated = extract_article("UBS expects gold to hit $5,000 next year.", today=today)
    assert undated.made_on == today and "today" in undated.made_on_from


# ---------------------------------------------------------------- vague calls


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        pytest.param(
            "The short squeeze in the silver market may not be over, said Jane Doe.",
            "SI=F",
            id="squeeze-not-over",
        ),
        pytest.param("Crypto's stagnation may be temporary.", "", id="no-asset-named"),
        pytest.param(
            "The rally in gold is far from over, analysts at UBS said.", "GC=F", id="far-from-over"
        ),
    ],
)
def test_a_call_no_price_can_settle_is_proposed_flagged_vague(text: str, symbol: str) -> None:
    candidate = only(read(text))
    assert candidate.vague and candidate.kind == "vague" and candidate.symbol == symbol
    assert candidate.claim is not None and candidate.claim.statement == " ".join(text.split())
    assert candidate.confidence <= 0.2  # never recorded by --yes without the user
    assert_reads_back(candidate)
    assert candidate.to_json()["vague"] is True


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The meeting is over.", id="no-asset-no-forecast"),
        pytest.param("Gold fell 2% on Tuesday after the meeting was over.", id="a-report"),
    ],
)
def test_a_state_that_ended_is_no_vague_call(text: str) -> None:
    assert read(text) == []


def test_a_sentence_with_a_level_is_a_claim_not_a_vague_call() -> None:
    candidate = only(read("Gold's rally is not over: it will reach $5,500 by end-2026."))
    assert not candidate.vague and candidate.kind == "touch_above"
