"""The premise of a base case, written after the call, does not make the call conditional.

Class from the development failures (rules30, issue 11): corpus_dev7.yaml df-chile-oil-below-
60-banks-2026-2027 ("sees Brent and WTI falling to US$ 56 and US$ 52 ... in 2026, barring major
supply shocks"), corpus_dev8.yaml goldseiten-murenbeeld-ocbc-raise-gold-2018-de ("the analysts
see $1,386, provided the market stays calm"), corpus_test7.yaml t7-capital-economics-sp500-8000-
yahoo-digest ("forecasts the S&P 500 rising to 8,000 by the end of 2026, assuming valuations
climb further") and corpus_test4.yaml t4-eurusd-citi-ubs-gateapi-es were capped as conditional
and never recorded. A forecaster's stated premise ("assuming", "barring", "provided", "absent",
"unless" after a comma, behind a firm call) is what the call rests on; a scenario ("if the Fed
cuts, gold could reach ...", a hedged call with its premise) stays conditional. The sentences
below are written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract.clauses import conditional_spans

MADE_ON = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "Goldman Sachs sees Brent falling to $56 a barrel in 2027, barring major supply"
            " shocks.",
            "BZ=F average_below 56 from 2027-01-01 to 2027-12-31 Goldman Sachs",
        ),
        (
            "Capital Economics forecasts the S&P 500 rising to 8,000 by the end of 2027, assuming"
            " valuations climb further.",
            "^GSPC touch_above 8000 by 2027-12-31 Capital Economics",
        ),
        (
            "UBS expects EUR/USD at 1.25 by the end of 2027, unless the Fed turns hawkish.",
            "EURUSD=X touch_above 1.25 by 2027-12-31 UBS",
        ),
        (
            "Commerzbank sees silver at $80 by mid-2027, provided industrial demand holds up.",
            "SI=F touch_above 80 by 2027-06-30 Commerzbank",
        ),
        (
            "Nomura forecasts USD/JPY at 140 by the end of 2027, absent intervention.",
            "JPY=X touch_above 140 by 2027-12-31 Nomura",
        ),
    ],
)
def test_a_premise_after_a_firm_call_leaves_the_call_standing(text: str, line: str) -> None:
    assert line in recorded(text, MADE_ON)


@pytest.mark.parametrize(
    "text",
    [
        "If the Fed cuts, gold could reach $6,000 by the end of 2027.",
        # a hedged call with its premise is a scenario
        "Gold could reach $6,000 by the end of 2027, assuming the Fed cuts.",
        # the premise first opens a scenario
        "Assuming the Fed cuts, UBS expects gold at $6,000 by the end of 2027.",
        # "if" after the call is a condition, not a premise
        "UBS expects gold at $6,000 by the end of 2027 if the Fed cuts.",
    ],
)
def test_a_scenario_stays_conditional(text: str) -> None:
    assert not any(line.startswith("GC=F") for line in recorded(text, MADE_ON))


def test_only_the_premise_of_a_firm_call_is_lifted() -> None:
    firm = "UBS expects gold at $6,000 by the end of 2027, barring a recession."
    hedged = "Gold might reach $6,000 by the end of 2027, barring a recession."
    no_call = "Miners are cutting costs, barring a recession."
    assert conditional_spans(firm) == ()
    assert conditional_spans(hedged) != ()
    assert conditional_spans(no_call) != ()


def test_a_level_called_possible_with_a_premise_is_a_scenario() -> None:
    text = "TD Securities thinks $5,000 is realistic within a month, provided buying stays strong."
    assert conditional_spans(text) != ()
    assert not any(line.startswith("GC=F") for line in recorded(text, MADE_ON))
