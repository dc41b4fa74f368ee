"""A heading that names whose forecasts follow: "UBS gold forecasts:", "JPM's 2014 path
for USD/JPY:", "JP Morgan USD/JPY forecasts for 2014".

Tables and lists of levels are introduced by a line that is a noun phrase, not a
sentence: a house's name, perhaps the asset or the year, and a forecast noun. It
has no verb, so none of the speaker rules (which look for a verb of saying or
forecasting, or a possessive followed by "target") reads a name in it, and the rows
under it ("- Q2 2026: $4,400") were left with nobody. The house opens the line and
owns the forecasts it heads: it is the speaker of the heading and, through the list
rules, of the rows under it.

Only a line that is nothing but that noun phrase counts, ended by a colon or by
the line itself (a headline, a lead-in), and only a name that looks like a house
(a known one, a firm's word, an acronym): "Gold forecasts for 2026:" or "Key price
predictions:" name nobody.
"""

from __future__ import annotations

import re

from ledger.extract.house_names import house_name, is_house_like
from ledger.extract.person_names import NAME, clean_name

# "UBS raised its gold forecasts:": a verb, a pronoun or an article makes the line a sentence
_NOT_A_QUALIFIER = r"(?i:its|their|his|her|our|my|the|an?|has|have|had|is|are|was|were|\w+ed)\s"
# the name, its possessive if any, up to five words of asset or period ("gold", "2026",
# "USD/JPY", "year-end"), the forecast noun, then an optional "for ..." of a few words
_FORECAST_HEADING = re.compile(
    rf"^\W*(?P<name>{NAME})(?:'s|(?<=s)')?\s+(?:(?!{_NOT_A_QUALIFIER})[\w/&.^-]+\s+){{0,5}}?"
    r"(?i:forecasts?|targets?|price\s+targets?|outlook|path|predictions?|projections?"
    r"|calls|estimates)"
    r"(?:\s+(?:for|in|through|to)\s+[\w/&.^ -]{1,40}?|\s+(?:19|20)\d\d)?\s*:?\s*$"
)


def heading_owner(line: str) -> str | None:
    """The house whose forecasts a heading line introduces, as the ledger names it; else None."""
    match = _FORECAST_HEADING.match(line.strip())
    if match is None:
        return None
    written = re.sub(r"(?:'s|(?<=s)')$", "", match["name"])
    name = clean_name(written.split())
    if name is None or not is_house_like(name):
        return None
    return house_name(name)


def is_forecast_heading(line: str) -> bool:
    """Whether a line is only a name's forecast noun phrase, whoever the name is: "Dan's
    bitcoin prediction for 2025" heads the paragraph that names Dan in full, and is not
    glued to it."""
    return _FORECAST_HEADING.match(line.strip()) is not None
