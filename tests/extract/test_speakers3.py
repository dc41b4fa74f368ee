"""Speakers on unseen text, by the shape of the sentence (issue 11, branch speakers3).

The speaker mismatches of three files read at first contact (corpus_test7, corpus_dev10,
corpus_dev8) sorted by what in the sentence hid the speaker. The classes fixed here, each
with sentences of our own, several wordings per class:

- the subject is named, but words stand between it and its verb: an aside set off by commas
  ("Jane Roe, an analyst at Acme Research, predicts"), a firm and a city ("Jane Roe of Acme
  Bank in Zurich is more upbeat"), a go-between ("Acme Bank, through Jane Roe, thinks"), an
  opening phrase ("More cautious, Acme Bank, ..."); the person speaks for the firm;
- a pronoun later in the same sentence ("...; for 2027 she expects $5,100") means that
  subject, not the person named in the sentence before;
- an outlet that relays a house's call ("According to a MarketWire report, UBS raised ...")
  is not its speaker, and "they" in the next sentence is the house;
- a firm whose first word alone is an outlet or a common word ("Bloomberg Intelligence",
  "Independent Strategy") keeps its whole name.

Calls are written "SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract.clause_subjects import clause_subject
from ledger.extract.person_names import clean_name

NOVEMBER = date(2025, 11, 20)


def _recorded_with(text: str, level: str) -> set[str]:
    """The calls --yes would record at `level` (as the claim writes it), with speakers."""
    return {call for call in recorded(text, made_on=NOVEMBER) if f" {level} " in call}


# ------------------------------------------------ the subject through an aside


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Lena Marsh, a portfolio strategist at Halvorsen Capital, predicts gold will climb to"
            " $5,200 by the end of 2026.",
            "5200",
            "Halvorsen Capital",
            id="aside-role-at-firm",
        ),
        pytest.param(
            "Omar Castell, managing director of Brightwater Securities, reckons bitcoin could hit"
            " $180,000 by mid-2026.",
            "180000",
            "Brightwater Securities",
            id="aside-role-of-firm",
        ),
        pytest.param(
            "Solana has doubled this year. Omar Castell, CEO of Brightwater Capital, reckons"
            " solana could hit $400 by mid-2026.",
            "400",
            "Brightwater Capital",
            id="aside-capital-ceo-of-firm",
        ),
        pytest.param(
            "Not long ago Felix Brandt, an analyst at Nordlicht Research, also made a bold call,"
            " saying silver could reach $70 by the end of 2026.",
            "70",
            "Nordlicht Research",
            id="opening-when-then-aside",
        ),
        pytest.param(
            "Brent has been firm. Priya Anand, head of oil research at Kestrel Bank, believes"
            " Brent will touch $85 by the end of 2026.",
            "85",
            "Kestrel Bank",
            id="aside-after-a-sentence-about-the-asset",
        ),
    ],
)
def test_a_subject_speaks_through_an_aside(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Tom Reyes at UBS sees gold at $4,500 by the end of 2026. Ines Varga of Commerzbank in"
            " Frankfurt is more upbeat and thinks gold can reach $4,900 in 2026; for 2027 she"
            " expects $5,100.",
            "5100",
            "Commerzbank",
            id="person-of-firm-in-city-then-she",
        ),
        pytest.param(
            "Tom Reyes at UBS sees gold at $4,500 by the end of 2026. Ines Varga of Commerzbank in"
            " Frankfurt is more upbeat and thinks gold can reach $4,900 in 2026; for 2027 she"
            " expects $5,100.",
            "4900",
            "Commerzbank",
            id="person-of-firm-in-city-first-call",
        ),
        pytest.param(
            "Credit Suisse's Ana Ruiz expects gold at $4,400 by the end of 2026. Marco Bellini of"
            " UniCredit is bolder; he thinks gold can reach $5,300 by the end of 2026.",
            "5300",
            "UniCredit",
            id="person-of-house-then-he-after-semicolon",
        ),
        pytest.param(
            "Ana Ruiz of UBS sees ether at $5,000 by the end of 2026. Theo Lang of Kraxo,"
            " meanwhile, ran the numbers and explained that ether could reach $6,400 by the end"
            " of 2026.",
            "6400",
            "Kraxo",
            id="person-of-one-word-firm-then-meanwhile",
        ),
        pytest.param(
            "Goldman Sachs sees Brent at $70 by the end of 2026. Ruth Keller, an independent"
            " trader and author, explained her view on Monday; she thinks Brent can fall to $55"
            " by the end of 2026.",
            "55",
            "Ruth Keller",
            id="independent-person-then-she",
        ),
    ],
)
def test_a_pronoun_means_its_own_sentences_subject(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Credit Suisse sees gold at $4,400 by the end of 2026. More cautious, Rabobank,"
            " through Mark Ellis, thinks gold could stall at $4,150 by the end of 2026.",
            "4150",
            "Rabobank",
            id="opening-phrase-house-through-person",
        ),
        pytest.param(
            "HSBC sees EUR/USD at 1.20 by the end of 2026. Far more bearish, Nordea, through its"
            " strategist Karl Lund, expects EUR/USD to fall to 1.05 by the end of 2026.",
            "1.05",
            "Nordea",
            id="opening-phrase-house-through-its-strategist",
        ),
    ],
)
def test_a_house_speaks_through_its_go_between(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


# ------------------------------------------------ an outlet relaying a house's call


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "According to a MarketWire report, UBS raised its gold forecast to $5,000 for the end"
            " of 2026.",
            "5000",
            "UBS",
            id="according-to-outlet-report",
        ),
        pytest.param(
            "The Daily Ledger reported on Monday that, according to ChainDesk, Standard Chartered"
            " analysts have lifted their bitcoin target to $210,000 by the end of 2026.",
            "210000",
            "Standard Chartered",
            id="reported-that-according-to-outlet",
        ),
        pytest.param(
            "According to CryptoSlate, Standard Chartered now sees bitcoin at $200,000 by the end"
            " of 2026. They also expect ether to reach $7,500 by the end of 2026.",
            "7500",
            "Standard Chartered",
            id="they-after-a-relayed-call",
        ),
        pytest.param(
            "According to the Financial Chronicle, Barclays has cut its Brent forecast to $58 by"
            " the end of 2026.",
            "58",
            "Barclays",
            id="according-to-the-outlet",
        ),
    ],
)
def test_an_outlet_relaying_a_call_is_not_its_speaker(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "According to Goldman Sachs, gold will reach $5,000 by the end of 2026.",
            "5000",
            "Goldman Sachs",
            id="negative-according-to-the-house-itself",
        ),
        pytest.param(
            "According to Citi, gold will reach $4,800 by the end of 2026, while silver lags.",
            "4800",
            "Citi",
            id="negative-according-to-house-no-other-name",
        ),
    ],
)
def test_according_to_a_house_alone_is_still_the_house(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


# ------------------------------------------------ a firm's name kept whole


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        pytest.param("Bloomberg Intelligence", "Bloomberg Intelligence", id="outlet-word-first"),
        pytest.param("Independent Strategy", "Independent Strategy", id="common-word-first"),
        pytest.param("The Strategy", "Strategy", id="negative-article-first"),
    ],
)
def test_a_firm_named_with_its_firm_word_is_kept_whole(written: str, kept: str) -> None:
    assert clean_name(written.split()) == kept


def test_an_analyst_at_a_firm_with_an_outlet_word_speaks_for_it() -> None:
    text = (
        "Earlier this month Ravi Menon, an analyst at Bloomberg Intelligence, said bitcoin could"
        " reach $150,000 by the end of 2026."
    )
    calls = _recorded_with(text, "150000")
    assert calls and all(call.endswith(" Bloomberg Intelligence") for call in calls), calls


# ------------------------------------------------ what is no subject


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Inventories climbed again on Monday.", id="negative-plural-noun-verb"),
        pytest.param("Gold, after a quiet week, rallied to $4,100.", id="negative-asset-aside"),
        pytest.param("The market, for its part, rose.", id="negative-common-words"),
        pytest.param(
            "Cycle models point to bitcoin at $150,000 by October 2026.",
            id="negative-noun-noun",
        ),
    ],
)
def test_no_subject_is_made_up(text: str) -> None:
    assert clause_subject(text) is None


def test_its_aside_with_nobody_named_before_names_nobody() -> None:
    text = "Jane Doe, its head of research, told reporters that gold should average $4,600 in 2026."
    calls = _recorded_with(text, "4600")
    assert all(call.endswith(" None") for call in calls), calls


# ------------------------------------------------ one house, one name


@pytest.mark.parametrize(
    ("text", "level"),
    [
        pytest.param(
            "WTI should average $78 in 2026, strategists at the Bank of Montreal note.",
            "78",
            id="full-name-in-text",
        ),
        pytest.param("BMO sees WTI averaging $78 in 2026.", "78", id="short-name-in-text"),
    ],
)
def test_bank_of_montreal_and_bmo_are_one_source(text: str, level: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(" BMO") for call in calls), calls


# ------------------------------------------------ an attribution that closes the sentence


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Gold should reach $4,400 by the end of 2026, writes newsletter editor Colin Marsh.",
            "4400",
            "Colin Marsh",
            id="verb-then-role-then-person",
        ),
        pytest.param(
            "Brent is likely to average $66 in 2026, commodity analysts at the Halden Savings"
            " Bank warn.",
            "66",
            "Halden Savings Bank",
            id="team-at-the-firm-then-plural-verb",
        ),
        pytest.param(
            "Silver could climb to $60 by the end of 2026, adds Tessa Grant of Fairlight Capital.",
            "60",
            "Fairlight Capital",
            id="verb-then-person-of-firm",
        ),
    ],
)
def test_a_closing_attribution_names_the_speaker(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls


def test_a_closing_pronoun_names_nobody() -> None:
    calls = _recorded_with("Gold will rise to $4,300 by the end of 2026, he said.", "4300")
    assert all(call.endswith(" None") for call in calls), calls


# ------------------------------------------------ a person tied to a firm by a pointer


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Barclays has set a gold target of $5,600 for 2026. In a note, the bank's Hannah Voss"
            " pointed to central-bank buying. The call implies gold reaching $5,600 by the autumn"
            " of 2026.",
            "5600",
            "Barclays",
            id="the-banks-person-then-a-call-nobody-names",
        ),
        pytest.param(
            "Macquarie sees copper tight next year. The firm's Leo Brandt expects Brent to fall to"
            " $58 by the end of 2026.",
            "58",
            "Macquarie",
            id="the-firms-person-speaks",
        ),
    ],
)
def test_the_banks_person_speaks_for_the_bank(text: str, level: str, speaker: str) -> None:
    calls = _recorded_with(text, level)
    assert calls and all(call.endswith(f" {speaker}") for call in calls), calls
