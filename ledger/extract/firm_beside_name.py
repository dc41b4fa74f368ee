"""A survey row that names a forecaster with their firm beside the name, then the figure:
"Most bullish: Keisuke (Bill) Okui (Sumitomo Corp), average forecast $2,925",
"Daisaku Ueno, Mitsubishi UFJ Morgan Stanley Securities: dollar-yen forecast for 2026".

Round-ups of a poll list each forecaster as a name with the firm in brackets or
after a comma, and then the forecast, with no verb: none of the speaker rules reads
it, and the row was left with nobody (or the survey's organizer). The call is the
firm's, as everywhere in the ledger (the house's view, not the person's).

Only a firm right before the forecast noun counts ("(Firm), average forecast",
"Firm: ... forecast"): in brackets after a person's name of two words, a name of two
words or more or one that looks like a house; after a comma, one that looks like a
house (a known one, a firm's word, an acronym). "(+/- 2.5%)", "Solana (SOL), price
forecast" and "(Cardano): $250K" name nobody.
"""

from __future__ import annotations

import re

from ledger.extract.house_names import (
    HOUSE_NAMES,
    has_organization_word,
    house_name,
    is_house_like,
)
from ledger.extract.person_names import NAME, clean_name

_FORECAST_NOUN = r"(?:[\w/-]+\s+){0,3}?(?i:forecasts?|targets?|calls?|estimates?|predictions?)\b"
# "Nicky Shiels (MKS PAMP SA), average forecast", "Keisuke (Bill) Okui (Sumitomo Corp), ...":
# a person's name of two words or more (a nickname in brackets inside it), then the firm
_IN_BRACKETS = re.compile(
    r"[A-Z][\w'.-]*(?:\s+\([A-Z][\w'.-]*\))?\s+[A-Z][\w'.-]*\s*"
    r"\((?P<firm>[A-Z][^()]{1,60})\)\s*[,:]\s*" + _FORECAST_NOUN
)
# "Daisaku Ueno, Mitsubishi UFJ Morgan Stanley Securities: Dollar-yen forecast"
_AFTER_COMMA = re.compile(
    rf"^\W*{NAME},\s+(?P<firm>{NAME}):\s+" + _FORECAST_NOUN,
)


def firm_beside_name(text: str) -> str | None:
    """The firm a forecaster's row names beside them, as the ledger names it; else None."""
    for pattern in (_IN_BRACKETS, _AFTER_COMMA):
        match = pattern.search(text)
        if match is None:
            continue
        written = match["firm"].strip()
        firm = clean_name(written.split())
        if firm is None:
            continue
        # in brackets after a person's name, a name of two words or more is their firm
        # ("Robin Bhar Metals Consulting"), as is one that looks like a house ("ABC Refinery")
        bracketed = pattern is _IN_BRACKETS and len(written.split()) >= 2
        if bracketed:
            return house_name(written)
        # one word alone must be a known house or say it is a firm: "(SOL)" is a ticker
        known = firm in HOUSE_NAMES or has_organization_word(firm) or house_name(firm) != firm
        if known or (len(firm.split()) > 1 and is_house_like(firm)):
            return house_name(firm)
    return None
