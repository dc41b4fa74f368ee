"""The period of a house's forecasts, named in the news of their revision and not again.

"Acme Bank raised its oil price forecasts for this year. 'Demand will be slow,' it said.
The bank now expects Brent to trade at $41": the $41 is a forecast for this year, though
its sentence names no period. The news of a revision names the period of the forecasts it
revised ("its forecasts for this year", "its 2026 expectations", "the most bullish year-end
forecaster"), and the house's own calls in the next two sentences that name no period are
those forecasts. A call by another house, or one with a period of its own, is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ledger.claims.dates import DatePhrase
from ledger.extract.prepare import date_phrases

# how many sentences after the news its period still holds for the house's undated calls
ANNOUNCED_REACH = 2

_FORECAST_NOUN = (
    r"(?:price\s+)?(?:forecasts?|forecaster|expectations?|targets?|outlook|estimates?"
    r"|projections?|predictions?)"
)
# "its forecasts for this year", "expectations for 2026", "target for the end of 2026"
_NOUN_BEFORE = re.compile(rf"\b{_FORECAST_NOUN}\s+$", re.IGNORECASE)
# "its 2026 expectations", "year-end S&P 500 forecaster", "end-2026 gold target"
_NOUN_AFTER = re.compile(rf"\s*(?:[\w&.'/-]+\s+){{0,3}}{_FORECAST_NOUN}\b", re.IGNORECASE)
_BARE_YEAR_BEFORE_NOUN = re.compile(
    rf"\b(?P<year>(?:19|20)\d\d)\s+(?:[\w&.'/-]+\s+){{0,3}}{_FORECAST_NOUN}\b", re.IGNORECASE
)


def announced_period(work: str, future: Sequence[DatePhrase], made_on: date) -> str | None:
    """The text of the period the sentence names as its forecasts' ("for this year"), or None."""
    for phrase in future:
        start, end = phrase.span
        if _NOUN_BEFORE.search(work, 0, start) or _NOUN_AFTER.match(work, end):
            return phrase.text
    for match in _BARE_YEAR_BEFORE_NOUN.finditer(work):
        if int(match["year"]) > made_on.year:
            return f"by the end of {match['year']}"
    return None


def period_of(text: str, made_on: date) -> DatePhrase | None:
    """The announced period read again, as the date phrase a call of a later sentence takes."""
    return next(iter(date_phrases(text, made_on) or date_phrases(f"by {text}", made_on)), None)
