"""Speakers on unseen text (issue 11): classes that did not generalise.

Speaker accuracy on a frozen batch's first contact was 0.57 against 0.93 on the
development files. The classes fixed here, in general form, with sentences of our own:

- a house written by its short or merged name ("JPM", "BofAML", "BofA-Merrill Lynch",
  "Bank of America Merrill Lynch") is one source, the house's, as the alias table says;
- a known house opening its sentence is its speaker, even with an aside before its verb
  ("Scotiabank, by contrast, backs ...", "ING, after little change at first, keeps
  backing ...") or an opening phrase before it ("Among the most optimistic, JPMorgan drew
  attention by saying ...");
- a word that describes a firm or a person is not their name: a nationality ("Canadian
  equity strategist Jane Doe"), "Rival" before a bank, "Right" in "Right now";
- a count of forecasters ("The 28 analysts expect ...") is a poll, nobody's call, not the
  house named before.

Calls are written "SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract.house_names import house_name
from ledger.extract.person_names import clean_name

NOVEMBER = date(2025, 11, 20)

# ------------------------------------------------------------ one house, one name


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        pytest.param("JPM", "JPMorgan", id="jpm-short"),
        pytest.param("BofAML", "Bank of America", id="bofaml"),
        pytest.param("BofA-Merrill Lynch", "Bank of America", id="bofa-hyphen-merrill"),
        pytest.param("BofA ML", "Bank of America", id="bofa-ml"),
        pytest.param("Bank of America Merrill Lynch", "Bank of America", id="bank-of-america-ml"),
        pytest.param("BofA Global Research", "Bank of America", id="bofa-global-research"),
        pytest.param(
            "Goldman Sachs Predicts Gold Surge", "Goldman Sachs", id="headline-words-after-house"
        ),
        pytest.param("Did Citi", "Citi", id="question-verb-before-house"),
        pytest.param("Hiroshi Nomura", "Hiroshi Nomura", id="negative-person-with-house-surname"),
        pytest.param("Barclays Capital", "Barclays Capital", id="negative-house-and-firm-word"),
        pytest.param("JPMorgan", "JPMorgan", id="negative-jpmorgan-kept"),
        pytest.param("Borealis Capital", "Borealis Capital", id="negative-unknown-firm-kept"),
    ],
)
def test_a_house_is_kept_by_one_name(written: str, kept: str) -> None:
    assert house_name(written) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "JPM expects USD/JPY to close the year at 160.",
            "JPY=X close_above 160 by 2025-12-31 JPMorgan",
            id="jpm-in-text",
        ),
        pytest.param(
            "BofAML expects EUR/USD to fall to 1.05 by the end of 2026.",
            "EURUSD=X touch_below 1.05 by 2026-12-31 Bank of America",
            id="bofaml-in-text",
        ),
    ],
)
def test_a_short_name_in_the_text_is_the_house(text: str, expected: str) -> None:
    assert expected in recorded(text)


# ------------------------------------------------- a known house opening its sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Scotiabank, by contrast, backs GBP/USD rising to 1.48 by the end of 2026.",
            "GBPUSD=X touch_above 1.48 by 2026-12-31 Scotiabank",
            id="scotiabank-by-contrast",
        ),
        pytest.param(
            "Rabobank backs EUR/USD rising to 1.25 by the end of 2026.",
            "EURUSD=X touch_above 1.25 by 2026-12-31 Rabobank",
            id="rabobank-backs",
        ),
        pytest.param(
            "ING, after little change at first, keeps backing EUR/USD rising to 1.25 by the end"
            " of 2026.",
            "EURUSD=X touch_above 1.25 by 2026-12-31 ING",
            id="aside-after-house",
        ),
        pytest.param(
            "Among the most optimistic, JPMorgan drew attention by saying gold could reach"
            " $5,000 by the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 JPMorgan",
            id="opening-phrase-before-house",
        ),
    ],
)
def test_a_known_house_opening_the_sentence_speaks(text: str, expected: str) -> None:
    assert expected in recorded(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Among the most optimistic, Widget Street drew attention by saying gold could reach"
            " $5,000 by the end of 2026.",
            id="negative-opening-phrase-unknown-name",
        ),
        pytest.param(
            "Gold, after little change at first, keeps rising toward $5,000 by the end of 2026.",
            id="negative-aside-after-asset",
        ),
    ],
)
def test_an_opening_that_names_no_house_names_no_speaker(text: str) -> None:
    lines = recorded(text)
    assert all(not line.endswith(("Widget Street", "Gold")) for line in lines)


# ------------------------------------------------- words that describe a name are not it


def test_a_nationality_before_a_role_is_not_the_firm() -> None:
    text = "Canadian equity strategist Matthew Barasch expects WTI to average $55.50 in 2026."
    lines = recorded(text)
    assert all(not line.endswith("Canadian") for line in lines)


def test_a_nationality_before_a_role_leaves_the_firm_named_before() -> None:
    text = (
        "RBC Capital Markets is upbeat on energy. Canadian equity strategist Matthew Barasch"
        " expects WTI to average $55.50 in 2026."
    )
    assert "CL=F average_above 55.5 from 2026-01-01 to 2026-12-31 RBC Capital" in (recorded(text))


def test_a_firm_with_a_nationality_in_its_name_keeps_it() -> None:
    text = "Canadian Imperial Bank of Commerce expects WTI to average $60 in 2026."
    expected = (
        "CL=F average_above 60 from 2026-01-01 to 2026-12-31 Canadian Imperial Bank of Commerce"
    )
    assert expected in recorded(text)


def test_rival_before_a_bank_is_not_its_name() -> None:
    text = "Rival Borealis Bank expects gold to reach $5,000 by the end of 2026."
    assert "GC=F touch_above 5000 by 2026-12-31 Borealis Bank" in recorded(text)


def test_right_now_names_nobody() -> None:
    text = "Right now $BTC trades at 90,000 and could reach $150,000 by the end of 2026."
    lines = recorded(text)
    assert all(not line.endswith("Right") for line in lines)


# ------------------------------------------------------------- a count of forecasters


@pytest.mark.parametrize(
    "second",
    [
        pytest.param("The 28 analysts expect gold to average $4,410 in 2026.", id="the-28"),
        pytest.param(
            "The 28 analysts polled by Reuters expect gold to average $4,410 in 2026.",
            id="the-28-polled",
        ),
        pytest.param("Some 40 economists expect gold to average $4,410 in 2026.", id="some-40"),
    ],
)
def test_a_count_of_forecasters_is_not_the_house_before(second: str) -> None:
    text = f"Goldman Sachs expects gold to reach $5,000 by the end of 2026. {second}"
    lines = recorded(text)
    assert "GC=F touch_above 5000 by 2026-12-31 Goldman Sachs" in lines
    assert all("4410" not in line for line in lines)


def test_the_analysts_of_the_house_still_speak_for_it() -> None:
    text = (
        "Goldman Sachs expects gold to reach $5,000 by the end of 2026. The analysts expect"
        " gold to average $4,410 in 2026."
    )
    assert "GC=F average_above 4410 from 2026-01-01 to 2026-12-31 Goldman Sachs" in recorded(text)


# ----------------------------------------- a person the article ties to a firm, anywhere


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mike Wilson raised his target for the S&P 500 to 7,800 by the end of 2026. Wilson"
            " is chief US equity strategist at Morgan Stanley.",
            "^GSPC touch_above 7800 by 2026-12-31 Morgan Stanley",
            id="tie-after-the-call-is-sentence",
        ),
        pytest.param(
            'Jane Doe expects gold to reach $5,000 by the end of 2026. "Gold is strong," said'
            " Doe, head of commodities research at Borealis Capital.",
            "GC=F touch_above 5000 by 2026-12-31 Borealis Capital",
            id="surname-with-post-in-a-later-quote",
        ),
        pytest.param(
            "Oil could hit $85 by the end of 2026, energy analyst Michael Rothman said Monday."
            ' "Prices are too low," said Rothman, founder and president of research firm'
            " Cornerstone Analytics.",
            "CL=F touch_above 85 by 2026-12-31 Cornerstone Analytics",
            id="two-posts-at-a-research-firm",
        ),
    ],
)
def test_a_person_tied_to_a_firm_later_speaks_for_it(text: str, expected: str) -> None:
    assert expected in recorded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Randy Smallwood expects gold to reach $5,000 by the end of 2026. Smallwood is chief"
            " executive of Wheaton Precious Metals.",
            "GC=F touch_above 5000 by 2026-12-31 Randy Smallwood",
            id="negative-a-miners-chief-executive",
        ),
        pytest.param(
            "Tom Lee expects ether to reach $9,000 by the end of 2026. Lee is head of research at"
            " Fundstrat Global Advisors.",
            "ETH-USD touch_above 9000 by 2026-12-31 Tom Lee",
            id="negative-a-public-figure",
        ),
        pytest.param(
            "Jane Doe expects gold to reach $5,000 by the end of 2026. John Roe is head of"
            " research at Borealis Capital.",
            "GC=F touch_above 5000 by 2026-12-31 Jane Doe",
            id="negative-another-person-tied",
        ),
    ],
)
def test_a_person_stays_a_person_without_a_research_firm_of_their_own(
    text: str, expected: str
) -> None:
    assert expected in recorded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Randy Smallwood, chief executive of Wheaton Precious Metals, told Bloomberg that"
            " gold could reach $5,000 by the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 Randy Smallwood",
            id="a-miners-chief-executive-in-the-sentence",
        ),
        pytest.param(
            "Strategy founder Michael Saylor told CNBC that Bitcoin will reach $150,000 by the end"
            " of 2026.",
            "BTC-USD touch_above 150000 by 2026-12-31 Michael Saylor",
            id="a-treasury-companys-founder",
        ),
        pytest.param(
            "Ethereum is projected to reach $9,000 by 2026, according to Tom Lee of Fundstrat.",
            "ETH-USD touch_above 9000 by 2026-12-31 Tom Lee",
            id="a-public-figure-of-a-firm",
        ),
        pytest.param(
            "Tom Lee, JPMorgan's chief equity strategist, expects the S&P 500 to reach 1,825 by"
            " the end of 2026.",
            "^GSPC touch_above 1825 by 2026-12-31 JPMorgan",
            id="negative-a-public-figure-at-a-known-house-speaks-for-it",
        ),
        pytest.param(
            "Nigel Green, chief executive of deVere Group, expects silver to reach $200 by the end"
            " of 2026.",
            "SI=F touch_above 200 by 2026-12-31 deVere Group",
            id="negative-an-advisory-groups-chief-executive-speaks-for-it",
        ),
        pytest.param(
            "Tony Sycamore, analyst at IG, expects gold to reach $5,000 by the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 IG",
            id="negative-an-analyst-speaks-for-any-firm",
        ),
    ],
)
def test_an_officer_of_a_firm_that_voices_no_research_speaks_for_themself(
    text: str, expected: str
) -> None:
    assert expected in recorded(text)


# ------------------------------------------- "according to" with what the speaker is first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to well-known crypto analyst Ali Charts, Dogecoin could hit $1 by the end"
            " of 2026.",
            "DOGE-USD touch_above 1 by 2026-12-31 Ali Charts",
            id="a-description-before-the-person",
        ),
        pytest.param(
            "Brent crude is expected to stand at $60 a barrel in the fourth quarter of 2026,"
            " according to an analysis by UK consultancy Capital Economics.",
            "BZ=F average_above 60 from 2026-10-01 to 2026-12-31 Capital Economics",
            id="a-document-by-a-described-firm",
        ),
        pytest.param(
            "Gold could reach $5,000 by the end of 2026, according to Goldman Sachs.",
            "GC=F touch_above 5000 by 2026-12-31 Goldman Sachs",
            id="negative-the-name-at-once",
        ),
    ],
)
def test_according_to_a_described_speaker_names_them(text: str, expected: str) -> None:
    assert expected in recorded(text)


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        pytest.param(["JPY"], None, id="currency-code"),
        pytest.param(["EUR"], None, id="another-currency-code"),
        pytest.param(["BTC"], None, id="coin-code"),
        pytest.param(["JPMorgan"], "JPMorgan", id="negative-house"),
    ],
)
def test_a_currency_or_coin_code_is_not_a_name(words: list[str], kept: str | None) -> None:
    assert clean_name(words) == kept
