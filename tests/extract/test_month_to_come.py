"""A month named in a clause about the future is the one to come, though the last one just ended.

Class from the development failures (rules30, issue 11): corpus_test9.yaml
t9-jafriq-nikkei-41800-smds, written on 14 January 2024 ("predicted the Nikkei will stand at
41,800 at the end of December"), read December as the month just gone (a rule made for
"Brent averaged $62.23 in October", written in November) and fell back on 12 months. Japanese
and European year-end calls written in January name the month ("end of December", "年末"
translated). A future marker in the month's own clause now keeps it ahead; a clause without
one still reads the month just gone. The sentences below are written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

JANUARY = date(2026, 1, 14)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "Masahiro Ichikawa of Sumitomo Mitsui DS Asset Management predicted the Nikkei will"
            " stand at 56,000 at the end of December.",
            "^N225 touch_above 56000 by 2026-12-31",
        ),
        (
            "Nomura says the yen could weaken to 165 per dollar at the end of November.",
            "JPY=X touch_above 165 by 2026-11-30 Nomura",
        ),
        (
            "UBS says gold will trade at $5,200 in December.",
            "GC=F average_above 5200 from 2026-12-01 to 2026-12-31 UBS",
        ),
        (
            "Daiwa thinks the Nikkei would finish at 58,000 at the end of December.",
            "^N225 close_above 58000 by 2026-12-31 Daiwa",
        ),
    ],
)
def test_a_month_in_a_future_clause_is_the_month_to_come(text: str, line: str) -> None:
    assert any(found.startswith(line) for found in recorded(text, JANUARY))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the close of the month just gone is a report
        ("Gold closed at $4,300 at the end of December.", set()),
        # its clause reports; the call after it has its own month
        (
            "Gold ended at $4,300 at the end of December, and UBS expects $5,000 by June.",
            {"GC=F touch_above 5000 by 2026-06-30 UBS"},
        ),
        (
            "Brent averaged $62 in December, and Citi expects $60 by June.",
            {"BZ=F touch_above 60 by 2026-06-30 Citi"},
        ),
    ],
)
def test_a_month_in_a_report_clause_is_still_the_month_gone(text: str, wanted: set[str]) -> None:
    assert recorded(text, JANUARY) == wanted
