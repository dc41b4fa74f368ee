"""Failure classes of issue 11, round two: elided ladders, bands, condition scopes, loose dates.

Sentences of our own, in several wordings; a call is "canonical claim | speaker"
over what `--yes` would record, unless a test looks at capped candidates.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates
from ledger.extract.person_names import article_names

MADE_ON = date(2026, 3, 11)


def recorded(text: str, made_on: date = MADE_ON) -> set[str]:
    return {
        f"{c.claim.canonical_text()} | {c.speaker}"
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


# ---------------------------------------------------------------- elided quarter ladders


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The agency sees Brent at $80 in the second quarter of 2026, $76 in the third and $70"
            " in the fourth.",
            id="ordinals-after-a-quarter",
        ),
        pytest.param(
            "The agency expects Brent to average $80 in Q2 2026, $76 in the third, and $70 in the"
            " fourth.",
            id="ordinals-after-q2",
        ),
    ],
)
def test_a_quarter_named_once_carries_to_the_elided_ordinals(text: str) -> None:
    calls = {line.split(" | ")[0] for line in recorded(text)}
    assert calls == {
        "BZ=F average_above 80 from 2026-04-01 to 2026-06-30",
        "BZ=F average_above 76 from 2026-07-01 to 2026-09-30",
        "BZ=F average_above 70 from 2026-10-01 to 2026-12-31",
    }


def test_an_ordinal_with_its_own_noun_is_not_elided() -> None:
    text = "Citi sees gold at $5,000 in Q2 2026, in the second year of the bull market."
    assert {line.split(" | ")[0] for line in recorded(text)} == {
        "GC=F average_above 5000 from 2026-04-01 to 2026-06-30"
    }


@pytest.mark.parametrize(
    ("when", "year"), [("next year", 2027), ("2027", 2027), ("this year", 2026)]
)
def test_four_levels_in_the_four_quarters_of_a_year(when: str, year: int) -> None:
    text = (
        f"The EIA forecasts Brent averaging $66, $65, $64 and $63 in the four quarters of {when}."
    )
    calls = {line.split(" | ")[0] for line in recorded(text)}
    quarters = [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")]
    expected = {
        f"BZ=F average_above {level} from {year}-{start} to {year}-{end}"
        for level, (start, end) in zip((66, 65, 64, 63), quarters, strict=True)
    }
    assert calls == expected


# ---------------------------------------------------------------- loose year phrases


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("by late 2027", "2027-12-31"),
        ("in late 2027", "2027-12-31"),
        ("late next year", "2027-12-31"),
        ("in early 2027", "2027-03-31"),
        ("by early next year", "2027-03-31"),
    ],
)
def test_late_and_early_in_a_year(phrase: str, deadline: str) -> None:
    calls = recorded(f"Goldman Sachs expects gold to reach $6,000 {phrase}.")
    assert calls == {f"GC=F touch_above 6000 by {deadline} | Goldman Sachs"}


def test_of_the_year_in_a_ladder_keeps_each_rung() -> None:
    text = "JPMorgan sees USD/JPY rising to 157 in early 2027 and to 164 by the end of 2027."
    assert recorded(text) == {
        "JPY=X touch_above 157 by 2027-03-31 | JPMorgan",
        "JPY=X touch_above 164 by 2027-12-31 | JPMorgan",
    }


# ---------------------------------------------------------------- conditions end at a contrast


def test_a_condition_ends_at_but() -> None:
    text = (
        "Deutsche Bank accepts the dollar could gain if energy fears grow, but stays bearish and"
        " is forecasting EUR/USD gains to 1.25 by the end of 2026."
    )
    assert recorded(text) == {"EURUSD=X touch_above 1.25 by 2026-12-31 | Deutsche Bank"}


def test_a_condition_still_governs_its_own_clause() -> None:
    text = "If a supply shock hit, Brent could reach $100 by the end of 2026, Barclays said."
    assert recorded(text) == set()
    (candidate,) = extract_candidates(text, made_on=MADE_ON)
    assert candidate.conditional


# ---------------------------------------------------------------- speakers between name and verb


@pytest.mark.parametrize("adverb", ["therefore", "reportedly", "thus", "similarly"])
def test_an_adverb_between_the_house_and_its_verb(adverb: str) -> None:
    text = f"JPMorgan {adverb} sees gold rising to $5,500 by the end of 2026."
    assert recorded(text) == {"GC=F touch_above 5500 by 2026-12-31 | JPMorgan"}


def test_initials_of_a_name_the_article_spells_out() -> None:
    text = (
        "The U.S. Energy Information Administration raised its forecast. EIA now sees Brent"
        " averaging $78 in 2027."
    )
    assert article_names(text)["EIA"] == "Energy Information Administration"
    assert recorded(text) == {
        "BZ=F average_above 78 from 2027-01-01 to 2027-12-31 | Energy Information Administration"
    }


@given(st.text(alphabet="ABCDEFGH ()abc.&ofU", max_size=60))
def test_article_names_never_fails_and_maps_names_to_longer_names(text: str) -> None:
    for short, full in article_names(text).items():
        assert short and full and short != full


# ---------------------------------------------------------------- bands


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Citi expects bitcoin between $150,000 and $200,000 at the end of 2026.", "close_between"),
        ("UBS sees oil trading in a $60-$70 range through 2026.", "hold_between"),
        (
            "HSBC expects gold to stay between $4,000 and $4,500 until the end of 2026.",
            "hold_between",
        ),
    ],
)
def test_a_band_is_proposed_to_confirm(text: str, kind: str) -> None:
    (candidate,) = [c for c in extract_candidates(text, made_on=MADE_ON) if c.claim is not None]
    assert candidate.claim is not None and candidate.claim.kind.value == kind
    assert candidate.claim.upper is not None
    assert candidate.claim.level < candidate.claim.upper
    assert candidate.confidence < DEFAULT_MIN_CONFIDENCE


# ---------------------------------------------------------------- lists under a lead-in


def test_bullets_under_a_lead_in_take_its_asset_and_period() -> None:
    text = (
        "Where the major houses see the S&P 500 at the end of 2026:\n"
        "  - Oppenheimer (John Doe): 8,100 - stocks remain the favourite\n"
        "  - Deutsche Bank: 8,000 - returns on buybacks\n"
        "  - Acme Research: 7,700 - another good year\n"
        "  - Northwind: 7,500 in the base case, 8,000 or more if the Fed keeps cutting\n"
    )
    assert recorded(text, made_on=date(2025, 12, 8)) == {
        "^GSPC touch_above 8100 by 2026-12-31 | Oppenheimer",
        "^GSPC touch_above 8000 by 2026-12-31 | Deutsche Bank",
        "^GSPC touch_above 7700 by 2026-12-31 | Acme Research",
        "^GSPC touch_above 7500 by 2026-12-31 | Northwind",
    }


def test_labelled_lines_are_a_list_each_with_its_speaker() -> None:
    text = (
        "Gold outlook 2026: banks turn bullish\n\n"
        "Key forecasts\n"
        "JPMorgan: ~$5,055 by end-2026 (up to $5,300)\n"
        "Goldman Sachs: ~$4,900 by end-2026\n"
        "Metals Focus: ~$4,560 average in 2026, peaking near $5,000\n"
    )
    assert recorded(text, made_on=date(2026, 1, 5)) >= {
        "GC=F touch_above 5055 by 2026-12-31 | JPMorgan",
        "GC=F touch_above 4900 by 2026-12-31 | Goldman Sachs",
    }
    found = {
        (c.claim.canonical_text(), c.speaker)
        for c in extract_candidates(text, made_on=date(2026, 1, 5))
        if c.claim is not None
    }
    assert ("GC=F average_above 4560 from 2026-01-01 to 2026-12-31", "Metals Focus") in found
    assert ("GC=F touch_above 5000 by 2026-12-31", "Metals Focus") in found
    assert not any("5300" in claim for claim, _ in found)  # the bracketed aside


@pytest.mark.parametrize(
    "line",
    ["Metal Matters: Upgrading silver to $150", "Reality check: $10,000 looks unlikely"],
)
def test_a_title_with_a_colon_is_no_speaker(line: str) -> None:
    from ledger.extract.speaker_roles import label_speaker

    assert label_speaker(line) is None


def test_a_range_whose_other_end_is_the_price_of_the_day_is_no_call() -> None:
    text = "With gold trading near $4,300-$4,500, banks see more upside in 2026."
    assert recorded(text, made_on=date(2026, 1, 5)) == set()


# ---------------------------------------------------------------- factbox sections


def test_a_section_heading_names_the_house_for_its_bullets() -> None:
    text = (
        "GOLDMAN SACHS (DEC 1)\n"
        "* The bank sees gold at $1,480 an ounce, $1,565 an ounce and $1,690 an ounce in three,"
        " six and 12\n"
        "months respectively.\n"
    )
    assert recorded(text, made_on=date(2010, 12, 1)) == {
        "GC=F touch_above 1480 by 2011-03-01 | Goldman Sachs",
        "GC=F touch_above 1565 by 2011-06-01 | Goldman Sachs",
        "GC=F touch_above 1690 by 2011-12-01 | Goldman Sachs",
    }


def test_a_heading_label_names_the_house_for_its_bullets() -> None:
    text = "Goldman Sachs:\n- gold: $4,900 by end-2026\n- silver: $55 by end-2026\n"
    assert recorded(text, made_on=date(2025, 11, 20)) == {
        "GC=F touch_above 4900 by 2026-12-31 | Goldman Sachs",
        "SI=F touch_above 55 by 2026-12-31 | Goldman Sachs",
    }


def test_its_strategist_speaks_for_the_house_named_before() -> None:
    text = (
        "Morgan Stanley sees Brent averaging $60 a barrel in 2026. Its strategist Martijn Rats"
        " expects Brent at $55 by the end of 2026."
    )
    assert {line.split(" | ")[1] for line in recorded(text, made_on=date(2025, 11, 20))} == {
        "Morgan Stanley"
    }


@pytest.mark.parametrize(
    ("second", "period"),
    [
        ("expects $55 in the second half.", "from 2026-07-01 to 2026-12-31"),
        ("expects $55 in Q3.", "from 2026-07-01 to 2026-09-30"),
        ("expects $55 in the second half of 2027.", "from 2027-07-01 to 2027-12-31"),
    ],
)
def test_a_year_named_in_the_sentence_before_carries_to_a_yearless_period(
    second: str, period: str
) -> None:
    text = f"Morgan Stanley sees Brent averaging $60 a barrel in 2026. Its strategist {second}"
    calls = {line.split(" | ")[0] for line in recorded(text, made_on=date(2025, 11, 20))}
    assert f"BZ=F average_above 55 {period}" in calls


def test_a_lead_in_lends_its_direction_to_the_list_and_a_sentence_ends_the_list() -> None:
    text = (
        "Where the houses see the S&P 500 finishing 2026:\n"
        "  - Deutsche Bank: 8,000 - buybacks\n"
        "  - UBS: 7,500 - earnings\n"
        "\n"
        "Elsewhere, Citi expects the S&P 500 at 7,000 by the end of 2026.\n"
    )
    assert recorded(text, made_on=date(2025, 12, 8)) == {
        "^GSPC close_above 8000 by 2026-12-31 | Deutsche Bank",
        "^GSPC close_above 7500 by 2026-12-31 | UBS",
        "^GSPC touch_above 7000 by 2026-12-31 | Citi",
    }
