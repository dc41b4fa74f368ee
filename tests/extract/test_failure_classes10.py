"""Failure classes of the tenth round (issue 11), on sentences of our own.

The class comes from corpus_dev5.yaml and corpus_dev7.yaml: one target given for
several months of one year ("for March, June and September 2026"), which is one
call per month, each by the end of its month; and, from corpus_dev5.yaml, a
"co-head" at a firm, who speaks for the firm. Each class has a negative that
must not fire. Calls are written "SYMBOL kind level deadline speaker", as in
test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract.prepare import prepare

DECEMBER = date(2025, 12, 20)

# ---------------------------------------------------------------- one level for listed months


@pytest.mark.parametrize(
    "sentence",
    [
        "Citi lifted its gold targets for April, July and October 2026 to $4,900 an ounce.",
        "Citi now sees gold at $4,900 an ounce by April, July and October 2026.",
        "Citi set $4,900 an ounce as its gold target for the April, July and October 2026 "
        "horizons.",
    ],
    ids=["for-months-before-level", "by-months-after-level", "the-months-horizons"],
)
def test_one_level_for_listed_months_is_a_call_per_month(sentence: str) -> None:
    assert recorded(sentence, DECEMBER) == {
        "GC=F touch_above 4900 by 2026-04-30 Citi",
        "GC=F touch_above 4900 by 2026-07-31 Citi",
        "GC=F touch_above 4900 by 2026-10-31 Citi",
    }


def test_two_listed_months_make_two_calls() -> None:
    assert recorded(
        "Nomura expects the S&P 500 to reach 7,400 by June and September 2026.", DECEMBER
    ) == {
        "^GSPC touch_above 7400 by 2026-06-30 Nomura",
        "^GSPC touch_above 7400 by 2026-09-30 Nomura",
    }


def test_listed_months_are_each_read_as_a_month_end() -> None:
    work = prepare("targets for March, June and September 2026", DECEMBER)
    assert "end-March 2026, end-June 2026 and end-September 2026" in work


@pytest.mark.parametrize(
    "sentence",
    [
        "Gold rose in March, June and September 2025 as Citi added to its position.",
        "Citi sees gold at $4,900 in 2026 and $5,200 in 2027.",
    ],
    ids=["months-gone-by-no-call", "a-ladder-of-years-stays-a-ladder"],
)
def test_listed_months_do_not_multiply_other_sentences(sentence: str) -> None:
    calls = recorded(sentence, DECEMBER)
    assert not any("by 2025-" in call for call in calls)
    assert len(calls) <= 2


def test_may_in_a_list_of_words_is_not_a_month() -> None:
    work = prepare("Citi says gold may, and probably will, top $4,900 in 2026.", DECEMBER)
    assert "end-" not in work


@pytest.mark.parametrize(
    "sentence",
    [
        "ING sees EUR/USD at 1.22 by end-2026, with Fed cuts in September, October and "
        "December 2026.",
        "ING sees EUR/USD at 1.22 by end-2026, after rate cuts due for September, October and "
        "December 2026.",
    ],
    ids=["events-in-months", "a-level-with-its-own-deadline"],
)
def test_listed_months_of_events_leave_the_calls_deadline_alone(sentence: str) -> None:
    assert recorded(sentence, DECEMBER) == {"EURUSD=X touch_above 1.22 by 2026-12-31 ING"}


# ---------------------------------------------------------------- a "co-" role before the firm


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Doe, co-head of commodities research at Citi, thinks gold will reach $4,900 by "
        "the end of 2026.",
        "Jane Doe, a co-head of research at Citi, expects gold to reach $4,900 by the end of 2026.",
        "Jane Doe, the co-head of global strategy at Citi, sees gold at $4,900 by the end of 2026.",
    ],
    ids=["co-head-of", "a-co-head", "the-co-head"],
)
def test_a_co_role_at_a_firm_credits_the_firm(sentence: str) -> None:
    assert recorded(sentence, DECEMBER) == {"GC=F touch_above 4900 by 2026-12-31 Citi"}


def test_a_co_word_that_is_no_role_credits_no_firm_it_does_not_name() -> None:
    calls = recorded(
        "Jane Doe, co-author of a book on Citi, thinks gold will reach $4,900 by the end of 2026.",
        DECEMBER,
    )
    assert all(not call.endswith(" Citi") for call in calls)
