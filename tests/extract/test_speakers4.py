"""Speakers on unseen text, part 2 (issue 11, branch speakers4).

The speaker mismatches of every development file (corpus_test8 and corpus_dev11 at first
contact among them), sorted by what hid the speaker. The classes fixed here, each with
sentences of our own (no corpus file has them), two wordings or more per class:

- a researcher named with a post but no firm ("analyst Jane Roe sees", "Jane Roe, head of
  commodities strategy", "the strategist" for the person named before) while the article is
  about one house: the house (entity_focus.focus_affiliations); not an independent analyst,
  nor one named in a round-up of several houses;
- a call nobody is credited with, in an article about one house only (a house's own note, a
  regulator's outlook): that house (entity_focus.credited_to_sole_house); not when the
  article names two houses;
- a title or an initialism inside a name ("Dr. Jane Roe", "the U.S. Energy Information
  Administration"); a preposition opening the sentence ("Besides ...") is no name;
- a firm described before its name ("said the investment bank Halvorsen Capital", "Dutch
  lender Brightwater Bank raised"), or after a post ("head of research at asset manager
  Halvorsen Capital"); an officer's post written in capitals ("CEO of ... Securities Group");
- a house that opens "According to HOUSE," keeps the call when another house is named after
  it only for comparison; a one-word nickname in quotation marks ('The trader "Moonbeam"')
  speaks.

Calls are read as "SYMBOL kind level deadline speaker" lines by `extract_calls.recorded`;
here only the speaker of the call at one level is compared.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.entity_focus import focus_affiliations
from ledger.extract.extractor import extract_candidates
from ledger.extract.speakers import find_speaker

MADE_ON = date(2025, 11, 20)


def _speakers_at(text: str, level: str) -> set[str | None]:
    """The speakers of the calls the extractor proposes at `level` (as the claim writes it)."""
    return {
        c.speaker
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and f" {level} " in f"{c.claim.canonical_text()} "
    }


# ------------------------------------------------ a researcher with no firm beside the name


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Halvorsen Capital has turned more positive on European shares. In a note to clients,"
            " analyst Ingrid Vasquez sees the DAX at 26,500 points by the end of 2026.",
            "26500",
            "Halvorsen Capital",
            id="post-before-name-after-house-sentence",
        ),
        pytest.param(
            "Brightwater Bank lifted its gold forecast on Thursday. Chief commodities strategist"
            " Tomas Eriksen now expects gold to reach $5,400 by the end of 2026.",
            "5400",
            "Brightwater Bank",
            id="capitalized-post-opening-sentence",
        ),
        pytest.param(
            'Brightwater Bank is bullish on gold. "Demand will stay strong," said Tomas'
            " Eriksen, head of global commodities research. Eriksen sees gold at $5,400 by the"
            " end of 2026.",
            "5400",
            "Brightwater Bank",
            id="name-then-head-of-research-then-surname",
        ),
        pytest.param(
            "Halvorsen Capital is upbeat on the euro. According to Dr. Ingrid Vasquez, EUR/USD"
            " could climb to 1.25 by the end of 2026. Compared with today that is a gain of 7"
            " percent. The strategist had previously expected 1.18.",
            "1.25",
            "Halvorsen Capital",
            id="the-strategist-points-to-the-person-named-before",
        ),
    ],
)
def test_a_researcher_speaks_for_the_house_in_focus(text: str, level: str, speaker: str) -> None:
    assert _speakers_at(text, level) == {speaker}


@pytest.mark.parametrize(
    ("sentences", "person"),
    [
        pytest.param(
            [
                "Brightwater Bank raised its gold forecast to $5,400.",
                "Independent analyst Tomas Eriksen expects gold at $6,000 by the end of 2026.",
            ],
            "Tomas Eriksen",
            id="independent-analyst",
        ),
        pytest.param(
            [
                "Brightwater Bank is at the top of the range.",
                "Halvorsen Capital forecasts 7,700, and strategist Ingrid Vasquez also points to"
                " 7,700.",
            ],
            "Ingrid Vasquez",
            id="round-up-after-another-house",
        ),
        pytest.param(
            [
                "Gold rose 2% on Monday.",
                "Veteran trader Ingrid Vasquez sees gold at $6,000 by year-end.",
                "Brightwater Bank, for its part, expects $5,000.",
            ],
            "Ingrid Vasquez",
            id="house-only-named-after",
        ),
    ],
)
def test_a_person_with_no_house_in_focus_stays_a_person(sentences: list[str], person: str) -> None:
    assert person not in focus_affiliations(sentences)


# ------------------------------------------------ an article about one house


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Brightwater Bank: euro outlook\n\nBrightwater Bank | We still see EUR/USD somewhat"
            " weaker by the end of the year, at 1.08, before it recovers next year.",
            "1.08",
            "Brightwater Bank",
            id="house-note-in-first-person",
        ),
        pytest.param(
            "Standard Chartered turns more bullish on ether\n\nStandard Chartered's move is quite"
            " something. It is not a small tweak. Why the sudden optimism? Corporate treasuries"
            " are buying, and ether could reach $9,500 by the end of 2026.",
            "9500",
            "Standard Chartered",
            id="house-named-in-headline-and-first-lines",
        ),
    ],
)
def test_an_uncredited_call_in_an_article_about_one_house(
    text: str, level: str, speaker: str
) -> None:
    assert _speakers_at(text, level) == {speaker}


def test_an_uncredited_call_with_two_houses_named_stays_uncredited() -> None:
    text = (
        "Banks split on gold\n\nStandard Chartered and Barclays published notes this week."
        " Gold could reach $5,600 by the end of 2026 on central-bank buying."
    )
    assert _speakers_at(text, "5600") <= {None}


# ------------------------------------------------ names: titles, initialisms, prepositions


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "According to Dr. Ingrid Vasquez of Halvorsen Capital, gold could rise to $5,000 by"
            " the end of 2026.",
            "Halvorsen Capital",
            id="title-dr",
        ),
        pytest.param(
            "Gold could rise to $5,000 by the end of 2026, said Prof. Ingrid Vasquez.",
            "Ingrid Vasquez",
            id="title-prof-closing",
        ),
        pytest.param(
            "Henry Hub prices should average $4.10 in 2026, according to the U.S. Energy"
            " Information Administration.",
            "Energy Information Administration",
            id="initialism-us",
        ),
        pytest.param(
            "Brent should average $61 in 2026, according to the U.K. Oil Research Council.",
            "Oil Research Council",
            id="initialism-uk",
        ),
    ],
)
def test_a_title_or_an_initialism_does_not_end_the_name(text: str, speaker: str) -> None:
    reading = find_speaker(text, headline=False, author=None)
    assert reading.name is not None and speaker in reading.name


@pytest.mark.parametrize(
    "text",
    [
        "Besides calling for gold to drop 9% by the end of the year, readers see silver at $40.",
        "Unlike calling for a crash, readers expect gold at $4,000 by the end of the year.",
    ],
)
def test_a_preposition_opening_the_sentence_is_no_speaker(text: str) -> None:
    reading = find_speaker(text, headline=False, author=None)
    assert reading.name not in ("Besides", "Unlike")


# ------------------------------------------------ a firm described beside its name


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "With supply rising, Brent could drop to $52 by March 2026, said the investment bank"
            " Halvorsen Capital, whose annual estimates were cut.",
            "52",
            "Halvorsen Capital",
            id="said-the-investment-bank-name",
        ),
        pytest.param(
            "Dutch lender Brightwater Bank raised its forecast as well, putting Brent at $66 by"
            " the end of 2026.",
            "66",
            "Brightwater Bank",
            id="nationality-and-firm-noun-opening",
        ),
        pytest.param(
            "Ingrid Vasquez, head of digital asset research at global asset manager Solvind,"
            " noted that the firm's 2030 target for ether is $18,000.",
            "18000",
            "Solvind",
            id="post-at-described-firm",
        ),
        pytest.param(
            "The Nikkei may advance to 61,000 by the end of 2026, predicted Kenji Morita, CEO of"
            " Harbor Securities Group.",
            "61000",
            "Harbor Securities Group",
            id="capital-ceo-of-securities-group",
        ),
    ],
)
def test_a_described_firm_is_the_speaker(text: str, level: str, speaker: str) -> None:
    assert _speakers_at(text, level) == {speaker}


# ------------------------------------------------ a house that is not relaying, a nickname


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "According to Barclays, gold could rise to $4,400 by the end of 2026, a view in line"
            " with Goldman Sachs's forecasts.",
            "Barclays",
            id="according-to-house-in-line-with-another",
        ),
        pytest.param(
            "According to UBS, silver could reach $60 by mid-2026, close to Citi's own target.",
            "UBS",
            id="according-to-house-close-to-another",
        ),
    ],
)
def test_a_house_after_according_to_is_no_relaying_outlet(text: str, speaker: str) -> None:
    assert find_speaker(text, headline=False, author=None).name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            'The trader "Moonbeam", creator of a popular cycle model, says bitcoin should trade at'
            " $140,000 at the end of the year.",
            "Moonbeam",
            id="nickname-creator-of",
        ),
        pytest.param(
            'The analyst "Glasswing", a well-known chartist, says ether will reach $6,000 by the'
            " end of the year.",
            "Glasswing",
            id="nickname-a-description",
        ),
    ],
)
def test_a_quoted_nickname_speaks(text: str, speaker: str) -> None:
    assert find_speaker(text, headline=False, author=None).name == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Silver could reach $40 by the end of the year, he said in an interview with "Marketline".',
        "Gold could reach $2,600 by the end of the year, the strategist wrote in a column for"
        ' "Marketline".',
    ],
)
def test_a_quoted_outlet_after_with_or_told_is_no_nickname(text: str) -> None:
    assert find_speaker(text, headline=False, author=None).name != "Marketline"
