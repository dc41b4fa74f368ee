"""Percents that are no move of the asset's price to come, read from the words around them.

A percent is a call only as a move of the price ahead ("could rise another 18% by
year-end"). Articles put three other percents beside a call:

- a move of some other quantity, which the sentence names before its verb: "corporate
  pretax profit is expected to rise about 13 per cent", "output may fall 5%";
- a move already made, dated by a window that lies behind the writer: "trades at $2,975,
  down about 2% over 24 hours", "up 27% so far this year", "a 6.5% gain over the past
  month";
- a doubling or a halving whose object is another quantity: "central banks doubling the
  size of their balance sheets", "miners halving output" (a subject before the multiple is
  quantity_amounts.py's);
- the far end of a band of rates: in "rates in the 5.25%-5.50% range" the dash joins two
  rates; it is no minus sign;
- the move a level stated before implies, in a clause that points back to it: "a target of
  4,900 ... That points to the index soaring 18%", ", implying upside of 12%", "which would
  be a 9% gain". The level is the call, recorded as written; the percent restates it.
"""

from __future__ import annotations

import re

# The quantities a sentence moves that are not a market price. (Company accounts as an
# amount, "EPS of $272", are company_figures.py's; this is their change in percent.)
_OTHER_QUANTITY = (
    r"(?:profits?|earnings|revenues?|sales|margins?|dividends?|eps|gdp|output|production"
    r"|demand|supply|wages?|pay|inflation|exports?|imports?|volumes?|deficits?|spending"
    r"|incomes?|payrolls|employment|unemployment|shipments|deliveries|inventories|stockpiles"
    r"|stocks\s+of\s+\w+|consumption|investment|lending|borrowing|rents?|house\s+prices"
    r"|home\s+prices|fees|costs?)"
)
_MOVE_VERB = (
    r"(?:rise|rises|rising|rose|risen|gain|gains|gaining|gained|climb|climbs|climbing|climbed"
    r"|jump|jumps|jumping|jumped|fall|falls|falling|fell|fallen|drop|drops|dropping|dropped"
    r"|decline|declines|declining|declined|slide|slides|sliding|slid|add|adds|adding|added"
    r"|shed|sheds|shedding|advance|advances|advancing|advanced|slump|slumps|slumped)"
)
# "profit expected to rise about ", "earnings could jump by ", "output is seen falling ":
# the noun, up to four helper words, the verb, then only a hedge before the number
_OTHER_QUANTITY_MOVES = re.compile(
    rf"\b{_OTHER_QUANTITY}\s+(?:(?:is|are|was|were|will|would|could|should|may|might|can|be"
    r"|been|being|expected|seen|forecast|projected|set|likely|poised|due|to|also|still"
    rf"|now)\s+){{0,4}}{_MOVE_VERB}\s+(?:by\s+)?(?:about\s+|roughly\s+|some\s+|nearly\s+"
    r"|around\s+|almost\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
# A window behind the writer after the percent: "over 24 hours", "over the past week", "on
# the day", "so far this year", "year to date", "since January". ("over the next 24 hours"
# lies ahead and is not one.)
_PAST_WINDOW_AFTER = re.compile(
    r"^\s*(?:(?:over|in|during|across|for)\s+the\s+(?:past|last|previous|prior)\b"
    r"|(?:over|in)\s+(?:the\s+)?(?:24|twenty-four)\s+hours\b|(?:on|for)\s+the\s+(?:day|session)\b"
    r"|so\s+far\b|year[-\s]to[-\s]date\b|ytd\b|since\b)",
    re.IGNORECASE,
)
# A number, with or without its percent sign, just before the dash: "5.25%-5.50%".
_BAND_START_BEFORE = re.compile(r"\d(?:\s*%)?\s*$")


# A clause that opens by pointing back ("That", "This", "which", "implying") with a verb of
# implying, then at most a few words before the percent.
_POINTS_BACK = re.compile(
    r"(?:^|[,;(\u2013\u2014]|\s-)\s*(?:(?:that|this|which|it)\s+(?:(?:would|could|should|will"
    r"|also)\s+)?(?:be|mean|means|represent|represents|imply|implies|points?\s+to"
    r"|translates?\s+(?:in)?to|equates?\s+to|amounts?\s+to|suggests?)|implying|pointing\s+to"
    r"|translating\s+(?:in)?to|equating\s+to|representing)\b[^,;.!?]{0,60}$",
    re.IGNORECASE,
)


def points_back_to_a_level(before_in_sentence: str) -> bool:
    """Whether a percent stands in a clause that restates a level said before it."""
    return _POINTS_BACK.search(before_in_sentence) is not None


# "doubling the size of their balance sheets", "tripling its output", "halving their deficits"
_OTHER_QUANTITY_AFTER = re.compile(
    r"^\s*(?:the\s+)?(?:size\s+of\s+|amount\s+of\s+|number\s+of\s+)?(?:(?:their|its|the|his"
    r"|her|our|global|total|annual)\s+)*(?:[a-z-]+\s+){0,2}?(?:balance\s+sheets?|"
    + _OTHER_QUANTITY[3:-1]
    + r"|debts?|reserves|holdings|purchases|buying|capacity|stimulus|money\s+supply|assets"
    r"|headcount|users)\b",
    re.IGNORECASE,
)


def multiplies_another_quantity(after: str) -> bool:
    """Whether the words after a multiple ("doubling ...") name a quantity, not the price."""
    return _OTHER_QUANTITY_AFTER.match(after) is not None


def moves_another_quantity(before: str) -> bool:
    """Whether the words just before a percent make it the move of a quantity not a price."""
    return _OTHER_QUANTITY_MOVES.search(before) is not None


def move_already_made(after: str) -> bool:
    """Whether the words just after a percent date it to a window that has passed."""
    return _PAST_WINDOW_AFTER.match(after) is not None


def far_end_of_a_band(before: str, sign: str | None) -> bool:
    """Whether a "-" read as a sign is the dash of a band whose first number stands before it."""
    return sign == "-" and _BAND_START_BEFORE.search(before) is not None
