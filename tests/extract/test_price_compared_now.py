"""A price set beside the call as where the market is now decides the call's side.

"Nomura forecasts USD/JPY at 140 by end-2026, from around 155 now" was read as a rise to 140
(touch_above, true on its first day with the pair at 155): "from ... now", "compared with ...
today" state the price of the day as surely as "the pair trades around 155" does.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract_calls import recorded


@pytest.mark.parametrize(
    ("text", "call"),
    [
        pytest.param(
            "Nomura forecasts USD/JPY at 140 by end-2026, from around 155 now.",
            "JPY=X touch_below 140 by 2026-12-31 Nomura",
            id="from-now",
        ),
        pytest.param(
            "Nomura forecasts USD/JPY at 140 by end-2026, from 155 currently.",
            "JPY=X touch_below 140 by 2026-12-31 Nomura",
            id="from-currently",
        ),
        pytest.param(
            "Citi sees gold at $3,800 by mid-2026, compared with $4,050 an ounce today.",
            "GC=F touch_below 3800 by 2026-06-30 Citi",
            id="compared-with-today",
        ),
        pytest.param(
            "Citi sees gold at $3,800 by mid-2026, compared with US$4,050 now.",
            "GC=F touch_below 3800 by 2026-06-30 Citi",
            id="currency-written-in-letters",
        ),
        pytest.param(
            "Citi sees gold at $5,000 by mid-2026, compared with $4,050 now.",
            "GC=F touch_above 5000 by 2026-06-30 Citi",
            id="above-stays-above",
        ),
    ],
)
def test_the_side_is_read_against_the_price_now(text: str, call: str) -> None:
    assert call in recorded(text)


def test_a_quantity_now_is_no_price() -> None:
    text = (
        "UBS sees silver at $55 by the end of June 2026 and expects ETF holdings to top their"
        " record, against about 820 million now."
    )
    assert "SI=F touch_above 55 by 2026-06-30 UBS" in recorded(text)


@given(now=st.integers(min_value=3_000, max_value=6_000), call=st.integers(3_000, 6_000))
def test_the_side_follows_the_two_levels(now: int, call: int) -> None:
    if abs(now - call) < 50:
        return
    text = f"Citi sees gold at ${call:,} by mid-2026, compared with ${now:,} now."
    side = "below" if call < now else "above"
    assert recorded(text) == {f"GC=F touch_{side} {call} by 2026-06-30 Citi"}
