"""The side of a call whose own words name none, read from the path the sentence describes.

An agency's outlook rarely says "below today's price": it says the price will
"slide from an average of $68 this year to $60 next year", or gives "$58 in
2026, a steep drop from the $69 it estimates for 2025". The figure the path
starts from is the writer's yardstick, so the level's side is read against
it: lower is a fall, higher a rise. The price of the day is not needed (nor
available offline); the text says which way the path runs.

A revision ("raised its forecast from $4,000 to $4,450") is not a path: its
"from" figure is an old forecast, and a forecast above the old one may still
sit below the price of the day. So the yardstick is taken only when no
revision verb or forecast noun stands beside the "from".
"""

from __future__ import annotations

import re

from ledger.claims.numbers import LevelMatch
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW
from ledger.extract.directions import Direction

_NUMBER = r"(?P<number>(?:US)?\$?\s?\d[\d,]*(?:\.\d+)?)(?![\d%])"
_FILLERS = (
    r"(?:(?:an?|the|its|their|roughly|about|around|some|nearly|almost|just|over|under"
    r"|average|averages|level|levels|price|prices|of)\s+){0,5}"
)
# "from an average of US$68 a barrel this year", "from $68 per barrel in August"
_PATH_FROM = re.compile(r"\bfrom\s+" + _FILLERS + _NUMBER, re.IGNORECASE)
# Between the yardstick and the level, the path goes on: "... to", "... to about".
_PATH_TO = re.compile(r"\bto\b", re.IGNORECASE)
# "raised its target from", "cut the forecast from", "up from its earlier estimate of":
# a figure that is an old call, not where the price stands.
_REVISION_BEFORE = re.compile(
    r"\b(?:rais|lift|cut|lower|revis|trim|boost|upgrad|downgrad|bump|hik|reduc|chang"
    r"|adjust|nudg|increas|decreas|slash|tweak|updat)\w*\b[^.;]{0,60}$"
    # "moved its year-end target from": the noun says what moved, whatever the verb
    r"|\b(?:forecasts?|targets?|estimates?|projections?|calls?|outlook|view)\s+(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)
_OLD_CALL_AFTER_FROM = re.compile(
    r"\s+(?:\w+\s+){0,4}?(?:forecasts?|targets?|estimates?|projections?|calls?|views?"
    r"|predictions?|outlooks?|guidance)\b",
    re.IGNORECASE,
)
# After the level: "$58 in 2026, a steep drop from ...", "$4,900, a further rise from ...".
_MOVE_NOUN_AFTER = re.compile(
    r"[^.;:!?]{0,60}?,\s*(?:an?\s+|the\s+)?(?:(?:\w+)\s+){0,2}?(?P<move>drop|decline|fall|slide"
    r"|slump|plunge|retreat|pullback|rise|climb|gain|jump|rebound|rally|recovery)\s+from\b"
    r"(?!\s+(?:\w+\s+){0,3}?(?:forecasts?|targets?|estimates?|projections?)\b)",
    re.IGNORECASE,
)
_FALL_NOUNS = frozenset(
    ("drop", "decline", "fall", "slide", "slump", "plunge", "retreat", "pullback")
)


def path_side(present: str, level: LevelMatch) -> str | None:
    """ABOVE or BELOW when the sentence runs a path to `level` from a price it states, or calls
    the level a rise or a drop from one; None when it says neither."""
    after = _MOVE_NOUN_AFTER.match(present, level.span[1])
    if after:
        return BELOW if after["move"].lower() in _FALL_NOUNS else ABOVE
    if level.price is None:
        return None
    start = None
    for match in _PATH_FROM.finditer(present, 0, level.span[0]):
        start = match
    if start is None or not _PATH_TO.search(present, start.end(), level.span[0]):
        return None
    if _REVISION_BEFORE.search(present, 0, start.start()):
        return None
    if _OLD_CALL_AFTER_FROM.match(present, start.start() + len("from")):
        return None
    try:
        yardstick = float(re.sub(r"[^\d.]", "", start["number"]))
    except ValueError:
        return None
    if yardstick == level.price or yardstick == 0:
        return None
    return BELOW if level.price < yardstick else ABOVE


def is_sideless_average(direction: Direction) -> bool:
    """ "to average $58", "an average of $4,400": the period's mean, on no side of today."""
    verb = " ".join((direction.verb or "").lower().split())
    return direction.family == AVERAGE and not re.search(r"\b(?:above|below|under|over)\b", verb)
