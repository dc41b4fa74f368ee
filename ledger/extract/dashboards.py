"""Dashboards of house targets, read as the sentences a reader would make of them.

A currency page often ends with a board of every house's target for one month
end, one bare line per house: a code, the house's view, a level:

    All firm targets (Dec '26)
    JPM Bearish 164.00
    ING Bullish 152.00

Read as prose, a row names no asset, no deadline and no verb, so each row is
rewritten as "JPM expects USD/JPY to rise to 164.00 by December 2026": the
asset is the pair the page is about, the deadline the heading's, and the
direction the house's view. A view is about the currency the page puts it on
("Bullish (JPY)"): bullish on the quote currency of USD/JPY is a fall of the
pair; a view with no currency is about the pair itself. A "Neutral" row says
no direction: it stays on the board, as written.
"""

from __future__ import annotations

import re

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# "All firm targets (Dec '26)", "Bank forecasts (December 2026)", "Street targets (2026)"
_HEADING = re.compile(
    r"^[^\n()]*\b(?:targets?|forecasts?)\s*\(\s*"
    rf"(?:(?P<month>(?:{_MONTHS})[a-z]*)\.?\s+)?"
    r"(?:'|\u2019|20)(?P<year>\d\d)\s*\)\s*:?\s*$",
    re.IGNORECASE,
)
# "JPM Bearish 164.00", "Deutsche Bank Strongly Bullish 143.00"
_ROW = re.compile(
    r"^(?P<house>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2}?)\s+"
    r"(?P<view>(?:(?:strongly|very|mildly|slightly)\s+)?(?:bullish|bearish)|neutral)\s+"
    r"(?P<level>\d[\d,]*(?:\.\d+)?)\s*$",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\b(?P<base>[A-Z]{3})/(?P<quote>[A-Z]{3})\b")
# "Bullish (JPY)": the currency a page's views are about
_VIEW_CURRENCY = re.compile(r"\b(?i:bullish|bearish)\s*\(\s*(?P<currency>[A-Z]{3})\s*\)")
# The desk codes boards write for houses ("JPM", "BARC"), said as readers name the house;
# kept to the boards' rows, where a code stands alone before a view, so "MS" or "DB" in prose
# is never taken for a bank
_DESK_CODES = {
    "JPM": "JPMorgan",
    "GS": "Goldman Sachs",
    "MS": "Morgan Stanley",
    "DB": "Deutsche Bank",
    "BARC": "Barclays",
    "CITI": "Citi",
    "BNPP": "BNP Paribas",
    "SG": "Societe Generale",
    "SOCGEN": "Societe Generale",
    "CS": "Credit Suisse",
    "WFC": "Wells Fargo",
    "NOM": "Nomura",
    "SCB": "Standard Chartered",
    "CBA": "Commonwealth Bank of Australia",
}
# Fewer rows than this under a heading is a sentence, not a board.
MIN_ROWS = 2


def dashboard_lines(text: str) -> str:
    """`text` with each board of house targets under a dated heading said one sentence
    per row; a board on a page that names no currency pair is left as it is."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        heading = _HEADING.match(line.strip())
        if heading is None:
            continue
        pair = _PAIR.search("\n".join(lines[:index]))
        if pair is None:
            continue
        rows = index + 1
        while rows < len(lines) and _ROW.match(lines[rows].strip()):
            rows += 1
        if rows - index - 1 < MIN_ROWS:
            continue
        falls_when_bullish = _views_are_on(text, pair["quote"])
        # the heading ends where the board starts: "Bank forecasts (June 2026)" run on into
        # the first row would make "Bank" its speaker
        lines[index] = line.rstrip().rstrip(":") + "."
        deadline = _deadline(heading)
        for row_index in range(index + 1, rows):
            row = _ROW.match(lines[row_index].strip())
            assert row is not None
            if row["view"].lower() == "neutral":
                continue  # no direction: a level with no side is no call of the ledger's
            bullish = row["view"].lower().endswith("bullish")
            rises = bullish != falls_when_bullish
            verb = "rise" if rises else "fall"
            house = _DESK_CODES.get(row["house"].upper(), row["house"])
            lines[row_index] = (
                f"{house} expects {pair[0]} to {verb} to {row['level']} by {deadline}."
            )
    return "\n".join(lines)


def _views_are_on(text: str, quote: str) -> bool:
    """Whether the page puts its views on the pair's quote currency ("Bullish (JPY)" on a
    USD/JPY page), so that a bullish house sees the pair fall."""
    return any(match["currency"] == quote for match in _VIEW_CURRENCY.finditer(text))


def _deadline(heading: re.Match[str]) -> str:
    year = f"20{heading['year']}"
    if heading["month"] is None:
        return f"the end of {year}"
    return f"{heading['month'][:3].title()} {year}"
