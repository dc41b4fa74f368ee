"""Several houses in one survey or comparison sentence, each with its own level (issue 11,
branch surveys).

A level belongs to the house named nearest before it in its own bracket ("Acme Bank (13,200
points)"), relative clause ("that of Halvorsen, which has a target of 6,000"), apposition
("Helaba, with a target of 15,700, is ...") or "with"/"while" clause ("with Northwind
anticipating $61"); the sentence's speaker keeps the rest. Sentences are our own wording.

Calls are written "SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.level_speakers import level_owners

NOVEMBER = date(2025, 11, 20)


def _speakers_of(text: str, level: str) -> set[str]:
    """The speakers --yes would record for the calls at `level` (as the claim writes it)."""
    return {
        re.sub(r"^.*\d{4}-\d\d-\d\d ", "", call)
        for call in recorded(text, made_on=NOVEMBER)
        if f" {level} " in call
    }


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        # a bracketed level after the house
        pytest.param(
            "Societe Generale is the most pessimistic: it thinks the DAX will land at 12,500"
            " points at the end of 2026. Together with DZ Bank (13,200 points), only two of"
            " thirty banks expect the DAX to fall.",
            "13200",
            "DZ Bank",
            id="bracket-together-with",
        ),
        pytest.param(
            "Hamburg Bank (15,200 points) and Acme Bank (15,600 points) expect the DAX to rise"
            " by the end of 2026.",
            "15600",
            "Acme Bank",
            id="bracketed-roll-call",
        ),
        # a relative clause after the house
        pytest.param(
            "Oppenheimer sees the S&P 500 at 5,900 by year-end. Oppenheimer's estimate is below"
            " that of Evercore, which has a year-end target of 6,000 points for the S&P 500.",
            "6000",
            "Evercore",
            id="that-of-which-has",
        ),
        pytest.param(
            "Barclays sees the S&P 500 at 6,100 by the end of 2026, above Halvorsen Capital,"
            " which sees the index at 5,800.",
            "5800",
            "Halvorsen Capital",
            id="which-sees",
        ),
        # an apposition "with a target of" after "while"
        pytest.param(
            "Dekabank expects the DAX at 17,000 points by the end of 2026; LBBW set its forecast"
            " a little lower, at 16,500; Helaba, with a target of 15,700, is the most"
            " pessimistic.",
            "15700",
            "Helaba",
            id="german-survey-apposition",
        ),
        pytest.param(
            "LBBW sees the DAX at 16,500 points by the end of 2026, while Helaba, with a"
            " twelve-month target of 15,700, is the most pessimistic of the banks asked.",
            "15700",
            "Helaba",
            id="while-apposition",
        ),
        pytest.param(
            "The most optimistic is Joachim Brandt of Dekabank, with a twelve-month target of"
            " 17,000 points for the DAX.",
            "17000",
            "Dekabank",
            id="person-of-firm-apposition",
        ),
        # "with HOUSE anticipating ..." after another house's call
        pytest.param(
            "Citigroup has long been the most bearish, projecting that Brent will average US$60"
            " a barrel in 2026. Wall Street's first views leave little room for upside, with"
            " JPMorgan expecting Brent to average US$61 a barrel in 2026.",
            "61",
            "JPMorgan",
            id="with-expecting",
        ),
        pytest.param(
            "Citi sees gold averaging $4,000 an ounce in 2026, with Northwind Bank anticipating"
            " an average of $4,400 an ounce in 2026.",
            "4400",
            "Northwind Bank",
            id="with-anticipating",
        ),
    ],
)
def test_each_level_is_its_own_houses(text: str, level: str, speaker: str) -> None:
    assert _speakers_of(text, level) == {speaker}


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        # the sentence's speaker keeps its own level, before the other house's
        pytest.param(
            "Oppenheimer sees the S&P 500 at 5,900 by year-end, below Evercore, which has a"
            " year-end target of 6,000 points.",
            "5900",
            "Oppenheimer",
            id="speaker-keeps-first",
        ),
        pytest.param(
            "Citi sees gold averaging $4,000 an ounce in 2026, with Northwind Bank anticipating"
            " an average of $4,400 an ounce in 2026.",
            "4000",
            "Citi",
            id="speaker-keeps-before-with",
        ),
        # a month or an asset in front of a bracket or clause is not a house
        pytest.param(
            "Goldman Sachs expects gold to reach $4,900 by the end of 2026, up from March"
            " ($4,100).",
            "4900",
            "Goldman Sachs",
            id="month-bracket",
        ),
    ],
)
def test_the_sentence_speaker_keeps_the_rest(text: str, level: str, speaker: str) -> None:
    assert _speakers_of(text, level) == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        "Gold rose in March (4,100 points).",
        "Gold, which has a long record, trades at $4,000.",
        "Prices fell, with rates expected at 4%.",
        "The index (5,900 points) fell.",
    ],
)
def test_no_owner_without_a_house(text: str) -> None:
    assert level_owners(text) == []


@pytest.mark.parametrize(
    ("text", "houses"),
    [
        (
            "National-Bank (14,700 points), Schröder-Bank (14,666 points) and Bank Julius Bär"
            " (14,600 points) are also especially optimistic.",
            ["National-Bank", "Schröder-Bank", "Bank Julius Bär"],
        ),
        ("Together with DZ Bank (13,200 points), two banks expect a fall.", ["DZ Bank"]),
    ],
)
def test_bracketed_roll_call(text: str, houses: list[str]) -> None:
    assert [names[0] for _, names in level_owners(text)] == houses


@given(
    level=st.integers(min_value=1_000, max_value=99_999),
    bracket=st.booleans(),
)
def test_bracketed_or_relative_level_is_the_named_houses(level: int, bracket: bool) -> None:
    written = f"{level:,}"
    text = (
        f"Together with Acme Bank ({written} points), two banks expect a fall."
        if bracket
        else f"That is below Acme Bank, which has a target of {written} points."
    )
    owners = level_owners(text)
    assert [names for _, names in owners] == [("Acme Bank",)]
    assert text[owners[0][0] :].startswith("Acme Bank")


# ------------------------------------------------ the survey's period and the forecasts' sides

SURVEY = (
    "The most optimistic is Jonas Keller of Dekabank, with a twelve-month target of 17,000"
    ' points for the DAX. "Earnings keep growing," he told the paper. LBBW set its forecast a'
    " little lower, at 16,500 points, while Helaba, with a target of 15,700, is the most"
    " pessimistic of the banks asked."
)


def test_a_surveys_houses_keep_its_period_across_a_quote() -> None:
    calls = recorded(SURVEY, made_on=date(2021, 10, 7))
    assert calls == {
        "^GDAXI touch_above 17000 by 2022-10-07 Dekabank",
        "^GDAXI touch_above 16500 by 2022-10-07 LBBW",
        "^GDAXI touch_above 15700 by 2022-10-07 Helaba",
    }


@pytest.mark.parametrize(
    "wording",
    ["set its forecast a little lower, at", "put its target slightly higher, at"],
)
def test_a_forecast_lower_than_anothers_names_no_side(wording: str) -> None:
    text = (
        "Dekabank has a twelve-month target of 17,000 points for the DAX. LBBW"
        f" {wording} 16,500 points."
    )
    assert "^GDAXI touch_above 16500 by 2026-11-20 LBBW" in recorded(text, made_on=NOVEMBER)


def test_a_forecast_lower_than_the_price_keeps_its_side() -> None:
    text = "Citi expects gold to fall lower, to $3,800 an ounce, by the end of 2026."
    assert _speakers_of(text, "3800") == {"Citi"}
    assert any("touch_below 3800" in call for call in recorded(text, made_on=NOVEMBER))


# ------------------------------------------------ "Name of Firm", one per sentence


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        pytest.param(
            "Tony Sycamore of IG Markets expects bitcoin to end the year near $95,000. Josh"
            " Gilbert of eToro is likewise hopeful that bitcoin could reach $100,000 by"
            " year-end.",
            "100000",
            "eToro",
            id="small-letter-firm-after-another",
        ),
        pytest.param(
            "Lennix Lai of OKX predicts that bitcoin will break through $100,000 by year-end."
            " Anna Berg of eFin Capital is more cautious, seeing bitcoin at $90,000 by"
            " year-end.",
            "90000",
            "eFin Capital",
            id="small-letter-firm-more-cautious",
        ),
        pytest.param(
            "OKX's Lennix Lai expects bitcoin to hit $100,000 by the end of 2025, while IG's"
            " Tony Sycamore sees it at $95,000 by the end of 2025.",
            "95000",
            "IG",
            id="while-possessive",
        ),
        pytest.param(
            "Citi expects gold to average $4,000 in 2026, whereas Acme Bank forecasts an"
            " average of $4,400 in 2026.",
            "4400",
            "Acme Bank",
            id="whereas-house",
        ),
    ],
)
def test_each_sentence_its_own_firm(text: str, level: str, speaker: str) -> None:
    assert _speakers_of(text, level) == {speaker}


def test_a_team_led_by_a_person_keeps_its_level_beside_another_house() -> None:
    """Splitting off ING's level must not hand BNP Paribas' level to the person who leads
    its team (found by the composed-call grammar's survey form)."""
    text = (
        "Analysts at BNP Paribas led by Kenji Matsuda see ether at around $8,000 by the end of"
        " 2026, while ING, with a target of roughly $10,000 for ether by the end of 2026, is"
        " more cautious."
    )
    assert _speakers_of(text, "8000") == {"BNP Paribas"}
    assert _speakers_of(text, "10000") == {"ING"}
