"""Failure classes of the fifteenth round (issue 11), on lists and tables of our own.

The classes come from corpus_test3.yaml and corpus_test4.yaml (retired from the frozen set):
rows of lists and tables the extractor did not read. A bullet list whose items name the
asset ("- Solana: from $82 to $450") under a forecast sentence that named the assets, the
forecaster and the period ("Claude produced price forecasts for XRP, Solana and Dogecoin by
the end of 2026"): each item is one of those forecasts. A pipe table of targets whose first
row was read into its header's sentence ("| Source | Target | Horizon |" then "| Acme |
$38 | 2026 |"), or whose row after a row that is no call ("$35-40") was read into that row.
Each class has negatives that must not change. Calls are written "SYMBOL kind level deadline
speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

FEBRUARY = date(2026, 2, 20)
JULY = date(2025, 7, 1)

# ------------------------------------------------ items on the assets a forecast sentence named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An AI model called Claude has produced price forecasts for XRP, Solana (SOL) and"
            " Dogecoin (DOGE) by the end of 2026. Are they grounded?\n"
            "- Solana: from $82 to $450, a 5x surge on scalability.\n"
            "- Dogecoin: from $0.10 to $0.90, a 9x leap on meme mania.\n",
            {
                "SOL-USD touch_above 450 by 2026-12-31 Claude",
                "DOGE-USD touch_above 0.9 by 2026-12-31 Claude",
            },
        ),
        (
            "Acme Research published its targets for ether and solana for the end of 2026.\n"
            "- Ether: $6,000, on staking demand.\n"
            "- Solana: $400, on throughput.\n",
            {
                # "Acme Research" is the firm's own name, kept whole (round 16)
                "ETH-USD touch_above 6000 by 2026-12-31 Acme Research",
                "SOL-USD touch_above 400 by 2026-12-31 Acme Research",
            },
        ),
        (
            "Zeta Capital expects big moves in bitcoin and ether by June 2026. The desk explains"
            " why.\n"
            "* Bitcoin: from $68,000 to $120,000.\n"
            "* Ether: from $2,000 to $4,500.\n",
            {
                "BTC-USD touch_above 120000 by 2026-06-30 Zeta Capital",
                "ETH-USD touch_above 4500 by 2026-06-30 Zeta Capital",
            },
        ),
    ],
    ids=["ai-model-three-coins", "house-targets-two-coins", "expects-by-month"],
)
def test_an_item_on_an_asset_the_forecast_sentence_named_is_its_forecast(
    text: str, expected: set[str]
) -> None:
    assert expected <= recorded(text, made_on=FEBRUARY)


@pytest.mark.parametrize(
    "text",
    [
        # a list of where prices went, under a sentence that looks back
        "XRP, Solana and Dogecoin all rallied in 2025. Here is how far.\n"
        "- Solana: from $82 to $250.\n"
        "- Dogecoin: from $0.10 to $0.40.\n",
        # a sentence that names a period but forecasts nothing
        "XRP, Solana and Dogecoin have traded in wide ranges since the end of 2025.\n"
        "- Solana: from $82 to $150.\n"
        "- Dogecoin: from $0.10 to $0.20.\n",
        # an item on an asset the forecast sentence did not name
        "Acme Research published its targets for ether by the end of 2026. Other coins moved.\n"
        "- Cardano: from $0.40 to $0.90.\n",
    ],
    ids=["past-moves", "no-forecast-word", "asset-not-named"],
)
def test_items_not_under_a_forecast_of_their_asset_give_nothing(text: str) -> None:
    assert recorded(text, made_on=FEBRUARY) == set()


# ------------------------------------------------------------- rows of a table of targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Silver price predictions\n\n"
            "Forecasts at a glance\n"
            "| Source | Target | Horizon | View |\n"
            "| Acme Bank | $38 | 2026 | Bullish |\n"
            "| Beta Group | $35-40 | 2026 | Bullish |\n"
            "| Gamma Bank | $50 | 2026 | Very bullish |\n",
            {
                "SI=F touch_above 38 by 2026-12-31 Acme Bank",
                "SI=F touch_above 50 by 2026-12-31 Gamma Bank",
            },
        ),
        (
            "Platinum outlook\n\n"
            "Where the houses stand\n"
            "| Analyst | Price target | Timeline | Note |\n"
            "| Delta Bank | $2,300 | 2026 | Deficit persists |\n"
            "| Epsilon Research | n/a | 2026 | No view |\n"
            "| Zeta Partners | $2,600 | 2026 | Recycling lags |\n",
            {
                "PL=F touch_above 2300 by 2026-12-31 Delta Bank",
                "PL=F touch_above 2600 by 2026-12-31 Zeta Partners",
            },
        ),
    ],
    ids=["first-and-after-range", "first-and-after-no-view"],
)
def test_every_row_of_a_table_of_targets_is_read(text: str, expected: set[str]) -> None:
    assert expected <= recorded(text, made_on=JULY)


@pytest.mark.parametrize(
    "text",
    [
        # a table of past prices
        "Silver's history\n\n"
        "Closing prices\n"
        "| Year | Close | High | Low |\n"
        "| 2022 | $23.9 | $26.9 | $17.8 |\n"
        "| 2023 | $23.8 | $26.1 | $20.0 |\n"
        "| 2024 | $28.9 | $34.8 | $22.3 |\n",
        # a table with no forecast header
        "Silver dealers\n\n"
        "Prices paid this week\n"
        "| Dealer | Price | Date | Note |\n"
        "| Acme Bullion | $38 | 2026 | Coins |\n"
        "| Beta Metals | $37 | 2026 | Bars |\n"
        "| Gamma Vault | $39 | 2026 | Rounds |\n",
        # rows of years and volumes under a pipe header of years
        "Silver rallied this week.\n"
        "Year | 2023 | 2024 | 2025\n"
        "Deliveries | 410 | 380 | 395\n"
        "Mine output | 3,100 | 3,250 | 3,300\n",
    ],
    ids=["past-prices", "no-forecast-header", "volumes-by-year"],
)
def test_tables_that_are_not_targets_give_nothing(text: str) -> None:
    assert recorded(text, made_on=JULY) == set()


# ------------------------------------------------------- a house's level before its "target"


@pytest.mark.parametrize(
    ("item", "speaker"),
    [
        ("- UBS's $5,000 target for the end of 2026.", "UBS"),
        ("- Bank of America's $5,100 target for the end of 2026.", "Bank of America"),
        ("- Goldman Sachs's 5,200 dollar forecast for the end of 2026.", "Goldman Sachs"),
    ],
    ids=["ubs", "bank-of-america", "goldman-dollar-forecast"],
)
def test_a_houses_level_before_its_target_names_the_house(item: str, speaker: str) -> None:
    calls = recorded(f"Gold outlook for 2026:\n{item}\n", made_on=date(2026, 1, 2))
    assert any(c.startswith("GC=F touch_above") and c.endswith(f" {speaker}") for c in calls), calls


@pytest.mark.parametrize(
    "item",
    ["- Gold's $5,000 target is in reach.", "- The market's 5,000 target is in reach."],
    ids=["assets-own-target", "the-market"],
)
def test_a_level_before_the_target_of_no_house_names_nobody(item: str) -> None:
    calls = recorded(f"Gold outlook for 2026:\n{item}\n", made_on=date(2026, 1, 2))
    assert all(c.endswith(" None") for c in calls), calls
