"""Failure classes of the twelfth round (issue 11), on sentences of our own.

The class comes from corpus_dev3.yaml, corpus_dev7.yaml and corpus_test.yaml: oil
averages for two benchmarks and two years in one sentence ("Brent and WTI to average
$56 and $52 in 2026 and $58 and $54 in 2027"), in English or in translated German and
Spanish copy ("US$ 56 and US$ 52", "for 2027 ... 65 dollars for Brent and 61 dollars for
WTI, and 75 dollars for 2030"), and levels said for a span of years ("its 2030-2035
estimates to $75 and $71"), which name no deadline the ledger can state. Each shape has
negatives that must not change. Calls are written "SYMBOL kind level deadline speaker",
as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.prepare import prepare

DECEMBER = date(2025, 12, 20)

# ---------------------------------------------------------------- two benchmarks, two years


@pytest.mark.parametrize(
    "sentence",
    [
        "Goldman expects Brent and WTI to average $56 and $52 in 2026 and $58 and $54 in 2027.",
        "Goldman sees Brent and WTI averaging $56 and $52 in 2026, then $58 and $54 in 2027.",
        "For Brent and WTI, Goldman now expects average prices of 56 and 52 dollars in 2026 "
        "and of 58 and 54 dollars in 2027.",
        "Goldman sees Brent and WTI at US$ 56 and US$ 52 in 2026 and at US$ 58 and US$ 54 in 2027.",
    ],
    ids=["to-average", "then", "translated-german", "translated-spanish-us-dollar"],
)
def test_the_second_pair_of_averages_takes_its_own_year(sentence: str) -> None:
    calls = recorded(sentence, DECEMBER)
    assert {call.split(" from ")[0] + " " + call.split(" to ")[1][:4] for call in calls} == {
        "BZ=F average_above 56 2026",
        "CL=F average_above 52 2026",
        "BZ=F average_above 58 2027",
        "CL=F average_above 54 2027",
    }


@given(
    first=st.integers(min_value=40, max_value=99),
    change=st.integers(min_value=-30, max_value=30).filter(bool),
    gap=st.integers(min_value=1, max_value=9),
    year=st.integers(min_value=2026, max_value=2030),
    joint=st.sampled_from([" and ", ", then ", ", and "]),
)
def test_each_pair_of_levels_is_read_with_the_year_written_after_it(
    first: int, change: int, gap: int, year: int, joint: str
) -> None:
    second = first + change
    sentence = (
        f"Citi expects Brent and WTI to average ${first + gap} and ${first} in {year}"
        f"{joint}${second + gap} and ${second} in {year + 1}."
    )
    calls = recorded(sentence, DECEMBER)
    years = {(call.split()[0], call.split()[2]): call.split(" to ")[1][:4] for call in calls}
    assert years == {
        ("BZ=F", str(first + gap)): str(year),
        ("CL=F", str(first)): str(year),
        ("BZ=F", str(second + gap)): str(year + 1),
        ("CL=F", str(second)): str(year + 1),
    }


def test_a_spanish_us_dollar_pair_with_respectively_is_two_calls() -> None:
    calls = recorded(
        "Goldman Sachs sees Brent and WTI falling to US$ 56 and US$ 52 a barrel respectively "
        "in 2026.",
        DECEMBER,
    )
    assert calls == {
        "BZ=F average_below 56 from 2026-01-01 to 2026-12-31 Goldman Sachs",
        "CL=F average_below 52 from 2026-01-01 to 2026-12-31 Goldman Sachs",
    }


def test_the_us_dollar_sign_written_apart_joins_its_number() -> None:
    assert prepare("at US$ 56 and US$ 52", DECEMBER) == "at US$56 and US$52"
    assert prepare("at US$ 4,900", DECEMBER) == "at US$4,900"


@pytest.mark.parametrize(
    "sentence",
    [
        "For 2027 UBS forecasts an average of 68 dollars for Brent and 64 dollars for WTI, "
        "and 80 dollars a barrel for 2030.",
        "For 2027 UBS forecasts an average of $68 for Brent and $64 for WTI, and $80 for 2030.",
        "In 2027, UBS expects Brent to average 68 dollars and WTI 64 dollars, and 80 dollars "
        "for 2030.",
    ],
    ids=["translated-german-dollars", "dollar-signs", "year-first"],
)
def test_a_pair_after_its_year_keeps_it_when_a_later_level_has_its_own(sentence: str) -> None:
    calls = recorded(sentence, DECEMBER)
    assert "BZ=F average_above 68 from 2027-01-01 to 2027-12-31 UBS" in calls
    assert "CL=F average_above 64 from 2027-01-01 to 2027-12-31 UBS" in calls
    assert not any(" 68 " in call and "2030" in call for call in calls)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Citi sees gold at $4,900 and silver at $60 by 2026.",
            {"GC=F touch_above 4900 by 2026-12-31 Citi", "SI=F touch_above 60 by 2026-12-31 Citi"},
        ),
        (
            "Goldman sees Brent and WTI falling to $56 and $52 respectively in 2026.",
            {
                "BZ=F average_below 56 from 2026-01-01 to 2026-12-31 Goldman Sachs",
                "CL=F average_below 52 from 2026-01-01 to 2026-12-31 Goldman Sachs",
            },
        ),
        (
            "Citi sees Brent at $60 in 2026 and $64 in 2027.",
            {
                "BZ=F average_above 60 from 2026-01-01 to 2026-12-31 Citi",
                "BZ=F average_above 64 from 2027-01-01 to 2027-12-31 Citi",
            },
        ),
    ],
    ids=["shared-year-after-both", "one-pair-respectively", "ladder-of-one-asset"],
)
def test_pairs_with_one_year_or_their_own_are_unchanged(sentence: str, expected: set[str]) -> None:
    assert recorded(sentence, DECEMBER) == expected


# ---------------------------------------------------------------- a span of years


@pytest.mark.parametrize(
    "sentence",
    [
        "Goldman kept its 2026 forecasts for Brent and WTI at $56 and $52, respectively, and "
        "lowered its 2030-2035 estimates to $75 and $71.",
        "Goldman kept its 2026 forecasts for Brent and WTI at $56 and $52, respectively, and "
        "sees the 2030-35 average at $75 and $71.",
        "Goldman kept its 2026 forecasts for Brent and WTI at $56 and $52, respectively; for "
        "2030\u20132035 it pencils in $75 and $71.",
    ],
    ids=["estimates", "two-digit-end", "en-dash"],
)
def test_levels_for_a_span_of_years_are_no_call(sentence: str) -> None:
    calls = recorded(sentence, DECEMBER)
    assert "BZ=F average_above 56 from 2026-01-01 to 2026-12-31 Goldman Sachs" in calls
    assert "CL=F average_above 52 from 2026-01-01 to 2026-12-31 Goldman Sachs" in calls
    assert not any(" 75 " in call or " 71 " in call for call in calls)


def test_the_last_year_of_a_span_is_not_made_a_period() -> None:
    assert "2030-2035 estimates" in prepare("its 2030-2035 estimates to $75", DECEMBER)
    assert "in 2030 estimates" in prepare("its 2030 estimates to $75", DECEMBER)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Citi expects Brent to average $60 in 2026 and $80 in 2030, up from its 2024-2025 "
            "lows.",
            {
                "BZ=F average_above 60 from 2026-01-01 to 2026-12-31 Citi",
                "BZ=F average_above 80 from 2030-01-01 to 2030-12-31 Citi",
            },
        ),
        (
            "After the 2024-2025 slump, Citi expects Brent to average $60 in 2026.",
            {"BZ=F average_above 60 from 2026-01-01 to 2026-12-31 Citi"},
        ),
    ],
    ids=["span-after-the-levels", "level-with-its-own-year-after-a-span"],
)
def test_a_span_of_years_elsewhere_leaves_the_calls_alone(
    sentence: str, expected: set[str]
) -> None:
    assert recorded(sentence, DECEMBER) == expected
