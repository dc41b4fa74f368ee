"""Failure classes of the nineteenth round (issue 11): speakers named elsewhere.

bench/confidence_classes.py found 40 of the 71 right readings held below
--min-confidence lacking a speaker the label names: the speaker is named in the sentence
before, in a headline or in a heading over a list. The classes fixed here, in general form:

- a call that goes on from the named speaker's call or view in the sentence just before
  ("Acme Bank expects bitcoin to reach $150,000 by the end of 2026. Bitcoin could then go
  on to $220,000 by the end of 2027."), on the same asset, with nobody else named;
- a heading that names whose forecasts follow, with no verb ("UBS gold forecasts:",
  "Acme Bank's 2026 path for EUR/USD:"), over bare rows.

Each class has negatives that must not change: another asset, a pronoun or forecasters
of the sentence's own, a heading that names no house. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract.forecast_headings import heading_owner

NOVEMBER = date(2025, 11, 20)

# ------------------------------------------------------- a call that goes on from the one before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank expects bitcoin to reach $150,000 by the end of 2026. Bitcoin could then"
            " go on to $220,000 by the end of 2027.",
            "BTC-USD touch_above 220000 by 2027-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects gold to keep rising next year. The metal could reach $5,000 by"
            " the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 Acme Bank",
        ),
        (
            "Northgate Capital's strategists published their 2026 outlook on Tuesday. The S&P"
            " 500 could climb to 7,600 by the end of 2026, helped by earnings growth.",
            "^GSPC touch_above 7600 by 2026-12-31 Northgate Capital",
        ),
    ],
    ids=["same-asset-after-a-call", "the-metal-after-a-view", "after-an-outlook-naming-no-asset"],
)
def test_a_call_going_on_from_the_speaker_before_is_theirs(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=NOVEMBER)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Acme Bank expects bitcoin to reach $150,000 by the end of 2026. Ether could reach"
            " $9,000 by the end of 2026.",
            "ETH-USD",
        ),
        (
            "Acme Bank expects the S&P 500 to reach 7,400 by the end of 2026. Until now he"
            " expected the index to finish 2026 at 7,000.",
            " 7000 ",
        ),
        (
            "Acme Bank expects bitcoin to reach $150,000 by the end of 2026. Other analysts"
            " think bitcoin could reach $300,000 by the end of 2027.",
            " 300000 ",
        ),
    ],
    ids=["another-asset", "a-pronoun", "other-analysts"],
)
def test_a_bare_call_that_is_not_a_continuation_stays_unrecorded(text: str, absent: str) -> None:
    assert not any(absent in line for line in recorded(text, made_on=NOVEMBER))


def test_the_call_goes_on_from_the_house_named_last() -> None:
    found = recorded(
        "Acme Bank expects bitcoin to reach $150,000 by the end of 2026. Borealis Bank has a"
        " target of $90,000. Bitcoin could then go on to $220,000 by 2027.",
        made_on=NOVEMBER,
    )
    assert not any(" 220000 " in line and "Acme Bank" in line for line in found)


# ------------------------------------------------------------ a heading over a list of levels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "UBS gold forecasts:\n- Q2 2026: $4,400\n- Q4 2026: $4,800\n",
            {
                "GC=F touch_above 4400 by 2026-06-30 UBS",
                "GC=F touch_above 4800 by 2026-12-31 UBS",
            },
        ),
        (
            "Acme Bank's 2026 path for EUR/USD:\n  - 1.18 in Q2,\n  - 1.22 in Q3\n",
            {
                "EURUSD=X average_above 1.18 from 2026-04-01 to 2026-06-30 Acme Bank",
                "EURUSD=X average_above 1.22 from 2026-07-01 to 2026-09-30 Acme Bank",
            },
        ),
    ],
    ids=["house-asset-forecasts", "possessive-path-for-a-pair"],
)
def test_a_heading_names_whose_forecasts_the_rows_are(text: str, expected: set[str]) -> None:
    assert expected <= recorded(text, made_on=NOVEMBER)


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("UBS gold forecasts:", "UBS"),
        ("JP Morgan USD/JPY forecasts for 2014", "JPMorgan"),
        ("Acme Bank's gold outlook 2026", "Acme Bank"),
        ("Goldman Sachs price targets:", "Goldman Sachs"),
        ("Northgate Capital Gold Forecast 2026", "Northgate Capital"),
        ("Gold forecasts for 2026:", None),
        ("Key price predictions:", None),
        ("Gold Price Forecasts", None),
        ("Bitcoin price predictions 2026:", None),
        ("Wall Street S&P 500 targets for 2026:", None),
        ("UBS raised its gold forecasts:", None),
        ("Morgan Stanley forecasts gold at $4,000 by June.", None),
    ],
)
def test_heading_owner(line: str, owner: str | None) -> None:
    assert heading_owner(line) == owner


def test_rows_under_a_heading_naming_no_house_have_nobody() -> None:
    found = recorded("Gold forecasts for 2026:\n- Q2 2026: $4,400\n- Q4 2026: $4,800\n")
    assert not any(" 4400 " in line or " 4800 " in line for line in found)
