"""A heading that names a house or a person speaks for the section under it.

Round-ups set each house's calls under a line that is only its name ("Goldman
Sachs", "2. Standard Chartered", "## Citi", "**Tim Draper**"). Such a line was
glued to the first row under it ("Goldman Sachs End of September ..."), which
named a house "Goldman Sachs End", or the rows under it went to nobody. These
texts are our own, in several layouts; a heading that names a topic ("Gold
outlook", "Market wrap") passes no speaker on.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates
from ledger.extract.sentences import split_sentences

MADE_ON = date(2025, 3, 10)

INTRO = "Gold has climbed to records this year, and the banks have raised their forecasts.\n\n"


def recorded(text: str) -> set[tuple[str, str | None]]:
    """(canonical claim, speaker) of what --yes would record."""
    return {
        (c.claim.canonical_text(), c.speaker)
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


def speakers_of(text: str) -> set[str | None]:
    return {speaker for _claim, speaker in recorded(text)}


@pytest.mark.parametrize(
    "heading",
    [
        pytest.param("Morgan Stanley", id="plain"),
        pytest.param("## Morgan Stanley", id="markdown"),
        pytest.param("**Morgan Stanley**", id="bold"),
        pytest.param("3. Morgan Stanley", id="numbered"),
        pytest.param("- Morgan Stanley", id="bullet"),
        pytest.param("MORGAN STANLEY", id="capitals"),
    ],
)
def test_a_house_heading_glued_to_a_row_speaks_for_it(heading: str) -> None:
    text = INTRO + f"{heading}\nEnd of June 2025: $3,100/oz; end of December 2025: $3,300/oz.\n"
    found = recorded(text)
    assert found, text
    assert speakers_of(text) == {"Morgan Stanley"}


@pytest.mark.parametrize(
    "heading",
    [
        pytest.param("Citi", id="plain"),
        pytest.param("## Citi", id="markdown"),
        pytest.param("2. Citi", id="numbered"),
    ],
)
def test_a_heading_is_not_glued_to_a_sentence_that_names_the_house_again(heading: str) -> None:
    text = INTRO + f"{heading}\nCiti's analysts expect gold to reach $3,500 by the end of 2025.\n"
    assert speakers_of(text) == {"Citi"}
    assert not any("Citi Citi" in s.text for s in split_sentences(text))


def test_the_section_speaker_goes_on_until_the_next_heading() -> None:
    text = (
        INTRO
        + "Morgan Stanley\n"
        + "End of June 2025: $3,100/oz; end of December 2025: $3,300/oz.\n"
        + "Bank of America\n"
        + "End of 2025: $3,500/oz; end of June 2026: $3,600/oz.\n"
    )
    found = recorded(text)
    by_level = {claim: speaker for claim, speaker in found}
    assert {s for c, s in by_level.items() if "3100" in c or "3300" in c} == {"Morgan Stanley"}
    assert {s for c, s in by_level.items() if "3500" in c or "3600" in c} == {"Bank of America"}


def test_a_person_heading_speaks_for_the_rows_under_it() -> None:
    text = (
        "Some of the better-known names have put numbers on bitcoin.\n\n"
        "Tim Draper\nEnd of 2025: $250,000 per bitcoin.\n"
    )
    assert speakers_of(text) == {"Tim Draper"}


@pytest.mark.parametrize(
    "topic", ["Gold outlook", "Market wrap", "## Gold outlook", "**Market wrap**"]
)
def test_a_topic_heading_names_nobody(topic: str) -> None:
    text = (
        "Goldman Sachs sees gold at $3,300 by the end of 2025.\n\n"
        f"{topic}\nAnalysts at UBS expect gold to reach $3,400 by the end of 2025.\n"
    )
    by_level = dict((claim, speaker) for claim, speaker in recorded(text))
    assert {s for c, s in by_level.items() if "3400" in c} == {"UBS"}


def test_a_topic_heading_ends_the_section_of_the_house_before() -> None:
    text = (
        INTRO
        + "Morgan Stanley\nEnd of June 2025: $3,100/oz.\n\n"
        + "Market wrap\nThe Fed is expected to cut rates by the end of June 2025.\n"
        + "Barclays expects gold at $3,250 by the end of 2025.\n"
    )
    by_level = dict(recorded(text))
    assert {s for c, s in by_level.items() if "3250" in c} == {"Barclays"}
    assert {s for c, s in by_level.items() if "3100" in c} == {"Morgan Stanley"}


@pytest.mark.parametrize(
    "row",
    [
        "JPMorgan: an average of about $3,400/oz by Q4 2025",
        "- JPMorgan: an average of about $3,400/oz by Q4 2025",
        "JPMorgan: $3,400/oz by Q4 2025",
    ],
)
def test_a_label_row_under_another_house_names_its_own_speaker(row: str) -> None:
    text = INTRO + "Morgan Stanley\nEnd of June 2025: $3,100/oz.\n" + row + "\n"
    by_level = dict(recorded(text))
    assert {s for c, s in by_level.items() if "3400" in c} == {"JPMorgan"}


def test_a_heading_with_a_level_of_its_own_keeps_its_call() -> None:
    text = (
        "The DZ Bank strategists published their DAX targets.\n\n"
        "Year-end DAX target 16,000\nThe bank sees the index climbing on lower rates.\n"
    )
    assert any("16000" in claim for claim, _speaker in recorded(text))


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Goldman Sachs", "Goldman Sachs"),
        ("2. Standard Chartered", "Standard Chartered"),
        ("## Citi", "Citi"),
        ("**Bank of America**", "Bank of America"),
    ],
)
def test_the_heading_line_is_a_sentence_of_its_own(heading: str, name: str) -> None:
    text = INTRO + f"{heading}\nEnd of 2025: $3,500/oz.\n"
    texts = [s.text.strip("*_ ") for s in split_sentences(text)]
    assert name in texts


def test_a_byline_under_the_title_heads_no_section() -> None:
    text = (
        "Here's when gold could hit $4,000\n\n"
        "Jane Whitfield\n\n"
        "Gold has gained 20% this year, and many traders expect more.\n\n"
        "Changelly, however, is not very bullish. The platform sees gold reaching at most"
        " $2,800 in April.\n"
    )
    found = {c.speaker for c in extract_candidates(text, made_on=MADE_ON)}
    assert "Jane Whitfield" not in found


def test_a_house_heading_keeps_the_bank_it_names_for_the_bank_under_it() -> None:
    text = (
        INTRO
        + "JP MORGAN\nJP Morgan expects the records to continue next year.\n"
        + "DEUTSCHE BANK\nCiting rate cuts, the German bank raised its 2026 gold forecast to"
        + " $4,000.\n"
    )
    by_level = dict(recorded(text))
    assert {s for c, s in by_level.items() if "4000" in c} == {"Deutsche Bank"}


@pytest.mark.parametrize(
    "heading",
    [
        "Dan's bitcoin prediction for 2025",
        "## Dan's bitcoin prediction for 2025",
        "Jane's gold forecast",
        "**Jane's price targets for 2025**",
    ],
)
def test_a_first_name_forecast_heading_is_not_glued_to_the_full_name(heading: str) -> None:
    text = (
        "Let's look at the analysts' views.\n\n"
        f"{heading}\nJane Doe, CEO of Acme Capital, predicts bitcoin could reach $117,000 in"
        " August 2025.\n"
    )
    texts = [s.text for s in split_sentences(text)]
    assert any(t.startswith("Jane Doe, CEO of Acme Capital") for t in texts), texts
    assert speakers_of(text) <= {"Acme Capital", "Jane Doe"}
    assert speakers_of(text)


@pytest.mark.parametrize(
    "heading", ["## Goldman Sachs", "Goldman Sachs", "**Goldman Sachs**", "1. Goldman Sachs"]
)
def test_a_heading_over_the_house_s_short_name_is_not_one_long_name(heading: str) -> None:
    text = INTRO + f"{heading}\nGoldman expects gold at $3,300 by the end of 2025.\n"
    assert speakers_of(text) == {"Goldman Sachs"}
