"""A currency's level written against the dollar it is quoted in.

"the euro to rise to 1.22 against the dollar" gave no candidate at all (the dollar after
the level read as a second asset), and only the yen's "140 per dollar" was read as the
dollar pair's level: the rupee, the yuan, the loonie, the Swiss franc and the Mexican peso
are quoted the same way, and a stronger one is a lower pair. Seen on phrasings of our own
(session 14); sentences of our own, in no corpus file.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import readings

MADE_ON = date(2025, 11, 20)


def _readings(text: str) -> set[str]:
    return readings(text, MADE_ON)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "Bank of America expects the euro to rise to 1.22 against the dollar by end-2026,"
            " from about 1.16 now.",
            "EURUSD=X touch_above 1.22 by 2026-12-31",
        ),
        (
            "The pound will climb to 1.42 versus the greenback by the end of 2026, Barclays said.",
            "GBPUSD=X touch_above 1.42 by 2026-12-31",
        ),
        (
            "The Australian dollar will rise to 0.70 against the US dollar by end-2026,"
            " Westpac said.",
            "AUDUSD=X touch_above 0.7 by 2026-12-31",
        ),
        (
            "Nomura expects the Indian rupee to weaken to 90 per dollar by March 2026.",
            "INR=X touch_above 90 by 2026-03-31",
        ),
        (
            "Goldman sees the yuan strengthening to 7.0 per dollar by the end of 2026.",
            "CNY=X touch_below 7 by 2026-12-31",
        ),
        (
            "The Canadian dollar will strengthen to 1.35 per U.S. dollar by end-2026, RBC said.",
            "CAD=X touch_below 1.35 by 2026-12-31",
        ),
        (
            "The Swiss franc could firm to 0.76 per dollar by mid-2026, UBS said.",
            "CHF=X touch_below 0.76 by 2026-06-30",
        ),
        (
            "The Mexican peso should weaken to 19.50 per dollar by end-2026, Citi said.",
            "MXN=X touch_above 19.5 by 2026-12-31",
        ),
        (
            "The yen will strengthen to 140 per dollar by the end of next year, according to"
            " Morgan Stanley.",
            "JPY=X touch_below 140 by 2026-12-31",
        ),
    ],
)
def test_a_level_against_the_dollar_is_the_dollar_pairs(text: str, reading: str) -> None:
    assert reading in _readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The euro rose 0.3% against the dollar to 1.1620 on Tuesday.",
        "The rupee closed at 88.6 per dollar on Friday, its weakest on record.",
        "The real risk is that rates stay at 4.5% per year, a fund manager said.",
    ],
)
def test_the_days_rate_is_no_call(text: str) -> None:
    assert not _readings(text)
