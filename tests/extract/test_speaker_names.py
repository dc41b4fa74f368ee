"""Speakers as the ledger keeps them: one house, one name; a short name as the article spelled it.

Issue 11's worst figure was speaker accuracy: the right house found under a
name the ledger would keep as another source ("Citigroup Inc", "UBS
Switzerland", "Tony Sycamore of IG", "Schiff" for Peter Schiff). These tests
write sentences of our own in several wordings.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates
from ledger.extract.house_names import house_name
from ledger.extract.person_names import article_names
from ledger.extract.sentences import split_sentences

MADE_ON = date(2025, 11, 20)


def speakers(text: str) -> set[tuple[str, str | None]]:
    """(canonical claim, speaker) of what --yes would record."""
    return {
        (c.claim.canonical_text(), c.speaker)
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        pytest.param("Citigroup Inc", "Citi", id="legal-suffix-inc"),
        pytest.param("Citigroup Inc.", "Citi", id="legal-suffix-inc-stop"),
        pytest.param("JPMorgan Chase & Co.", "JPMorgan", id="and-co-then-house"),
        pytest.param("Barclays PLC", "Barclays", id="plc"),
        pytest.param("Acme Holdings Ltd", "Acme Holdings", id="unknown-house-suffix-only"),
        pytest.param("UBS Switzerland", "UBS", id="known-house-branch"),
        pytest.param("Goldman Sachs Research", "Goldman Sachs", id="known-house-desk"),
        pytest.param("UBS Global Wealth Management", "UBS", id="known-house-long-desk"),
        pytest.param("Yardeni Research", "Yardeni Research", id="unknown-house-keeps-research"),
        pytest.param("BofA", "Bank of America", id="short-name"),
        pytest.param("BofA Global Research", "Bank of America", id="short-name-desk"),
        pytest.param("Tony Sycamore of IG", "IG", id="person-of-firm"),
        pytest.param("Bank of America", "Bank of America", id="of-inside-a-firm"),
        pytest.param(
            "Federal Reserve Bank of New York",
            "Federal Reserve Bank of New York",
            id="of-after-an-organization",
        ),
        pytest.param(
            "Oxford Economics' Norihiro Yamaguchi", "Oxford Economics", id="plural-possessive-firm"
        ),
        pytest.param(
            "U.S. Energy Information Administration",
            "Energy Information Administration",
            id="us-before-agency",
        ),
        pytest.param("Jane Doe", "Jane Doe", id="person-kept"),
    ],
)
def test_house_names(written: str, kept: str) -> None:
    assert house_name(written) == kept


_WORD = st.sampled_from(
    ["Acme", "Capital", "Inc", "UBS", "Research", "of", "Jane", "Doe", "Bank", "Co.", "&",
     "Switzerland", "BofA", "Partners", "North", "Economics'", "IG", "U.S.", "Global"]
)  # fmt: skip


@given(st.lists(_WORD, min_size=1, max_size=6))
def test_a_house_name_is_never_empty_and_naming_it_again_changes_nothing(words: list[str]) -> None:
    name = " ".join(words)
    kept = house_name(name)
    assert kept.strip()
    assert house_name(kept) == kept


def test_short_names_the_article_spells_out() -> None:
    text = (
        "Bank of America (BofA) raised its gold forecast. The U.S. Energy Information"
        " Administration (EIA) sees lower oil. Delegates at the LBMA (London) met. Peter Schiff"
        " and Tom Lee spoke; Jane Lee and John Lee disagreed."
    )
    names = article_names(text)
    assert names["BofA"] == "Bank of America"
    assert names["EIA"] == "Energy Information Administration"
    assert names["Schiff"] == "Peter Schiff"
    assert "Lee" not in names  # three people named Lee: the surname alone names nobody
    assert "London" not in names  # one capital: a place in brackets, not a short name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Bank of America (BofA) is upbeat. BofA expects gold to reach $5,000 by end-2026.",
            "Bank of America",
            id="acronym-spelled-out-before",
        ),
        pytest.param(
            "Veteran trader Peter Brandt posted a chart. Brandt expects bitcoin to reach"
            " $150,000 by end-2026.",
            "Peter Brandt",
            id="surname-of-a-person-named-before",
        ),
        pytest.param(
            "Bank of America on Monday raised its gold forecast to $5,000 by end-2026.",
            "Bank of America",
            id="weekday-between-name-and-verb",
        ),
        pytest.param(
            "(Reuters) -Bank of America raised its gold forecast to $5,000 by end-2026.",
            "Bank of America",
            id="wire-dash-before-name",
        ),
        pytest.param(
            "Citigroup Inc expects gold to reach $5,000 by end-2026.",
            "Citi",
            id="legal-suffix",
        ),
        pytest.param(
            "Tony Sycamore of IG expects gold to reach $5,000 by end-2026.",
            "IG",
            id="person-of-firm",
        ),
    ],
)
def test_the_speaker_is_kept_under_its_house_name(text: str, speaker: str) -> None:
    found = speakers(text)
    assert found, text
    assert {who for _claim, who in found} == {speaker}


def test_a_numbered_item_wrapped_without_indent_stays_one_sentence() -> None:
    text = (
        "1. Bank of America has lifted its gold forecast to $5,000 an ounce by 2026, with an\n"
        "average of around $4,400 next year.\n"
        "2. Citi sees gold at $4,000 by the end of the first quarter.\n"
    )
    found = [s.text for s in split_sentences(text)]
    assert found[0].endswith("next year.") and found[0].startswith("Bank of America")
    assert found[1].startswith("Citi sees")
    assert ("GC=F average_above 4400 from 2026-01-01 to 2026-12-31", "Bank of America") in {
        (c.claim.canonical_text(), c.speaker)
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None
    }


def test_a_line_ending_a_sentence_does_not_continue_the_item() -> None:
    text = "- Goldman Sachs: gold to $4,900 by end-2026.\nSilver looks weak.\n"
    assert [s.text for s in split_sentences(text)] == [
        "Goldman Sachs: gold to $4,900 by end-2026.",
        "Silver looks weak.",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "In a post on X, Jane Roe, a well-known trader with more than 741k followers,"
            " predicted that bitcoin will jump to $135,000 by September 2026.",
            "Jane Roe",
            id="apposition-between-name-and-verb",
        ),
        pytest.param(
            "Standard Chartered is upbeat on solana. Geoff Kendrick, the bank's head of digital"
            " assets research, expects solana to reach $500 by the end of 2029.",
            "Standard Chartered",
            id="the-banks-role-speaks-for-the-bank",
        ),
        pytest.param(
            "JPMorgan's analysts compared bitcoin with gold.\n\n"
            "New price target: $170,000 per bitcoin within 6-12 months.",
            "JPMorgan",
            id="unattributed-target-after-a-named-speaker",
        ),
    ],
)
def test_speakers_found_around_the_sentence(text: str, speaker: str) -> None:
    found = speakers(text)
    assert found, text
    assert {who for _claim, who in found} == {speaker}


def test_an_unattributed_target_far_from_any_speaker_stays_unattributed() -> None:
    text = (
        "JPMorgan's analysts compared bitcoin with gold. It was a quiet day. It rained."
        " It got dark.\n\nNew price target: $170,000 per bitcoin within 12 months."
    )
    found = {
        c.speaker
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and "170000" in c.claim.canonical_text()
    }
    assert found == {None}


def test_a_count_of_followers_is_no_level() -> None:
    found = speakers(
        "Peter Brandt, who has 741k followers, expects bitcoin to reach $135,000 by September 2026."
    )
    assert {claim for claim, _who in found} == {"BTC-USD touch_above 135000 by 2026-09-30"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "If one figure stands for the ether bull case it is Jo Park, chairman of Acme Mining."
            " On Monday he called ether cheap and stood by his target of ether at $15,000 by the"
            " end of 2026.",
            "Jo Park",
            id="his-target-after-an-introduced-person",
        ),
        pytest.param(
            "Veteran trader Ann Lowe joined the panel. She expects gold to reach $6,000 by the end"
            " of 2026.",
            "Ann Lowe",
            id="she-after-role-then-name",
        ),
        pytest.param(
            "The Energy Information Administration raised its forecast. By quarter, the new"
            " outlook has Brent at $80 in the second quarter of 2026.",
            "Energy Information Administration",
            id="the-outlook-speaks-for-its-publisher",
        ),
    ],
)
def test_pointers_back_to_who_was_introduced(text: str, speaker: str) -> None:
    found = speakers(text)
    assert found, text
    assert {who for _claim, who in found} == {speaker}


def test_a_chairman_is_not_credited_to_the_firm() -> None:
    """Who is introduced with a chair or a founder's title speaks for themself."""
    from ledger.extract.speaker_roles import affiliations

    assert affiliations("It is Jo Park, chairman of Acme Mining, who says so.") == {}


def test_a_wrapped_line_starting_with_a_year_is_no_numbered_item() -> None:
    text = (
        "Standard Chartered has raised its long-term forecast to $2,000 by the end of\n"
        "2030. It now expects solana at $400 by the end of 2027.\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "Standard Chartered has raised its long-term forecast to $2,000 by the end of 2030.",
        "It now expects solana at $400 by the end of 2027.",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ethereum must hold the $2,800 support through the end of January, says analyst "
            "Michael van de Poppe.",
            "Michael van de Poppe",
        ),
        (
            "Bitcoin will climb to $150,000 by June 2026, said veteran crypto trader Peter Brandt.",
            "Peter Brandt",
        ),
        (
            "Gold should reach $5,000 by the end of 2026, according to chief market strategist "
            "Jane Doe of Acme Capital.",
            "Acme Capital",
        ),
    ],
)
def test_a_role_between_the_verb_and_the_name_is_not_the_name(text: str, speaker: str) -> None:
    """'says analyst NAME': the lower-case role word before the name once left no speaker."""
    found = {s for _, s in speakers(text)}
    assert found == {speaker}


def test_a_role_word_with_no_name_after_it_names_nobody() -> None:
    text = "Gold will reach $5,000 by the end of 2026, says one analyst."
    assert {s for _, s in speakers(text)} <= {None}
