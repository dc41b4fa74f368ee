"""A call compared with the dated call before it takes that call's horizon (rules30, issue 11).

Class from the development failures: a roundup names one dated call, then the others by
comparison, with no period of their own. corpus_dev7.yaml kinstratrade-spun-goldman-5400-jpm-
yardeni ("Goldman isn't by itself. Different huge banks are simply as bullish: JPMorgan sees
$5,055, whereas Yardeni Analysis targets $6,000"), corpus_test7.yaml t7-ft-survey-gold-2026-
square ("MKS PAMP has the most aggressive view at $5,400"), corpus_dev6.yaml dapp-citi-stanchart-
eth-year-end-split ("Standard Chartered is far bolder, forecasting ... $7,500") were read with
the default 12 months, so never recorded. The sentences below are written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.extract.compared_calls import COMPARED_REACH, compares_calls

MADE_ON = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "Goldman Sachs expects gold to reach $5,400 by the end of 2027. The bank points to"
            " central-bank buying. Jewellery demand is soft. Other banks are just as bullish:"
            " JPMorgan sees $5,100, while Yardeni Research targets $6,000.",
            "GC=F touch_above 5100 by 2027-12-31 JPMorgan",
        ),
        (
            "Citi expects bitcoin to reach $150,000 by the end of 2027. The bank cites ETF"
            " inflows. Standard Chartered is far bolder, forecasting $250,000.",
            "BTC-USD touch_above 250000 by 2027-12-31 Standard Chartered",
        ),
        (
            "Deutsche Bank expects the S&P 500 to end 2027 at 8,000. Its strategists cite"
            " earnings growth. Oppenheimer has the most bullish call at 8,500.",
            "^GSPC touch_above 8500 by 2027-12-31 Oppenheimer",
        ),
        (
            # the comparison stands alone; the houses come in the next sentence
            "Goldman Sachs expects gold to reach $5,400 by the end of 2027. Goldman is not alone."
            " Bank of America has a target of $5,000.",
            "GC=F touch_above 5000 by 2027-12-31 Bank of America",
        ),
        (
            "HSBC sees Brent at $70 by mid-2027, citing OPEC+ supply. Demand growth is slowing."
            " Morgan Stanley is more bearish, with a target of $60.",
            "BZ=F touch_above 60 by 2027-06-30 Morgan Stanley",
        ),
    ],
)
def test_a_compared_call_is_on_the_horizon_of_the_dated_call(text: str, line: str) -> None:
    assert line in recorded(text, MADE_ON)


@pytest.mark.parametrize(
    "text",
    [
        # nothing dated before: the comparison has no horizon to lend
        "Standard Chartered is far bolder, forecasting bitcoin at $250,000.",
        # another asset than the dated call's
        "Goldman Sachs expects gold to reach $5,400 by the end of 2027. Silver bulls are even"
        " more bullish: Citi sees silver at $120.",
        # a bare "also" compares nothing (two sentences on: past the sentence-to-sentence reach)
        "Goldman Sachs expects gold to reach $5,400 by the end of 2027. Mining output is flat."
        " It also expects jewellery demand to slow as gold nears $5,000.",
    ],
)
def test_no_horizon_is_lent_without_a_dated_call_on_the_asset(text: str) -> None:
    lines = recorded(text, MADE_ON)
    assert all("2027-12-31" not in line or "5400" in line for line in lines)
    assert not any(line.startswith("SI=F") or line.startswith("BTC-USD") for line in lines)


_FILLER = "Mining output is flat."


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=COMPARED_REACH + 3))
def test_the_comparison_reaches_only_a_few_sentences_back(gap: int) -> None:
    text = (
        "Citi expects bitcoin to reach $150,000 by the end of 2027. "
        + " ".join([_FILLER] * gap)
        + " Standard Chartered is far bolder, forecasting $250,000."
    )
    found = "BTC-USD touch_above 250000 by 2027-12-31 Standard Chartered" in recorded(text, MADE_ON)
    assert found == (gap + 1 <= COMPARED_REACH)


@pytest.mark.parametrize(
    ("sentence", "compares"),
    [
        ("Goldman isn't alone.", True),
        ("Other houses are equally bullish.", True),
        ("Its view is one of the lowest.", True),
        ("At the other end, Kiwoom sees 4,500.", True),
        ("Societe Generale echoed that view.", True),
        ("Brad McMillan also keeps a 3,000 target on the index.", True),
        ("It also expects jewellery demand to slow.", False),
        ("The bank is bullish on gold.", False),
    ],
)
def test_what_compares_a_call_with_the_ones_before(sentence: str, compares: bool) -> None:
    assert compares_calls(sentence) is compares


def test_a_comparison_with_a_period_of_its_own_borrows_none() -> None:
    # written after October 2027: the call's own deadline has gone by, and the dated call
    # before lends it nothing
    text = (
        "Citi expects bitcoin to reach $150,000 by the end of 2029. The bank cites ETF inflows."
        " Draper remains among the most bullish: he says bitcoin will top $250,000 by October"
        " 2027."
    )
    lines = recorded(text, date(2027, 11, 20))
    assert not any("250000" in line and "2029" in line for line in lines)
