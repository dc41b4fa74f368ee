"""Failure classes of the eleventh round (issue 11), on boards of our own.

The class comes from corpus_dev3.yaml: several firms' targets on one board, a
currency page's "All firm targets (Dec '26)" followed by one bare row per
house ("JPM Bearish 164.00"). Each row is a call of its house, for the pair
the page is about, by the heading's month end, rising or falling as the
house's view says, where a view is about the currency the page puts it on
("Bullish (JPY)"). Negatives: a board on a page that names no pair, rows with
no dated heading, a single row. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.dashboards import dashboard_lines

NOVEMBER = date(2025, 11, 10)


@pytest.mark.parametrize(
    ("page", "deadline"),
    [
        (
            "USD/JPY outlook: the yen firms as the BoJ hikes. Bullish (JPY)\n"
            "All firm targets (Dec '26)\n"
            "JPM Bearish 164.00\nBARC Bullish 149.00\nGS Strongly Bullish 145.50\n"
            "Key risks",
            "2026-12-31",
        ),
        (
            "Yen board, USD/JPY. Our view: Bearish (JPY)\n"
            "Bank forecasts (June 2026)\n"
            "JPM Bearish 164.00\nBARC Bullish 149.00\nGS Strongly Bullish 145.50\n",
            "2026-06-30",
        ),
        (
            "USD/JPY dashboard. Sentiment shown as Bullish (JPY) or Bearish (JPY).\n"
            "Street targets (2026):\n"
            "JPM Bearish 164\nBARC Bullish 149\nGS Strongly Bullish 145.5\n"
            "Summary: the yen should strengthen.",
            "2026-12-31",
        ),
    ],
    ids=["month-year-quote", "month-spelled", "year-only"],
)
def test_each_row_of_a_board_is_its_houses_call(page: str, deadline: str) -> None:
    assert recorded(page, NOVEMBER) == {
        f"JPY=X touch_above 164 by {deadline} JPMorgan",
        f"JPY=X touch_below 149 by {deadline} Barclays",
        f"JPY=X touch_below 145.5 by {deadline} Goldman Sachs",
    }


def test_a_view_on_the_pair_itself_rises_when_bullish() -> None:
    page = (
        "EUR/USD outlook for next year.\n"
        "All firm targets (Dec '26)\n"
        "DB Bullish 1.25\nING Bearish 1.12\n"
    )
    assert recorded(page, NOVEMBER) == {
        "EURUSD=X touch_above 1.25 by 2026-12-31 Deutsche Bank",
        "EURUSD=X touch_below 1.12 by 2026-12-31 ING",
    }


def test_a_neutral_house_stays_on_the_board_and_makes_no_call() -> None:
    page = (
        "USD/JPY: Bullish (JPY)\n"
        "All firm targets (Dec '26)\n"
        "JPM Bearish 164.00\nHSBC Neutral 155.00\nGS Bullish 148.00\n"
    )
    assert "HSBC Neutral 155.00" in dashboard_lines(page).split("\n")
    assert recorded(page, NOVEMBER) == {
        "JPY=X touch_above 164 by 2026-12-31 JPMorgan",
        "JPY=X touch_below 148 by 2026-12-31 Goldman Sachs",
    }


@pytest.mark.parametrize(
    "page",
    [
        # no pair on the page: the rows name nothing a call could be about
        "Our desk's mood board.\nAll firm targets (Dec '26)\nJPM Bearish 164.00\nGS Bullish 148\n",
        # no dated heading: a list of moods, not targets for a month end
        "USD/JPY: Bullish (JPY)\nDesk sentiment\nJPM Bearish 164.00\nGS Bullish 148.00\n",
        # one row is a sentence, not a board
        "USD/JPY: Bullish (JPY)\nAll firm targets (Dec '26)\nJPM Bearish 164.00\nKey risks\n",
    ],
    ids=["no-pair", "no-heading", "one-row"],
)
def test_rows_that_are_no_board_are_left_as_written(page: str) -> None:
    assert dashboard_lines(page) == page


_HOUSES = st.sampled_from(["JPM", "GS", "MS", "DB", "BARC", "ING", "MUFG", "HSBC"])
_VIEWS = st.sampled_from(["Bullish", "Bearish", "Strongly Bullish", "Mildly Bearish"])
_LEVELS = st.decimals(min_value=100, max_value=200, places=2).map(str)


@given(rows=st.lists(st.tuples(_HOUSES, _VIEWS, _LEVELS), min_size=2, max_size=8))
def test_every_row_becomes_one_sentence_with_its_level_and_direction(
    rows: list[tuple[str, str, str]],
) -> None:
    page = "USD/JPY: Bullish (JPY)\nAll firm targets (Dec '26)\n"
    page += "\n".join(" ".join(row) for row in rows) + "\nKey risks"
    said = dashboard_lines(page).split("\n")
    assert len(said) == len(page.split("\n"))  # every line stays where it was
    for (_house, view, level), line in zip(rows, said[2:], strict=False):
        verb = "fall" if view.endswith("Bullish") else "rise"
        assert line.endswith(f"expects USD/JPY to {verb} to {level} by Dec 2026.")
    assert said[-1] == "Key risks"
