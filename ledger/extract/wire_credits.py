"""A wire agency's credit at the head of a story: "(AOF) - Gold eased ...", "PARIS (AOF) -".

Wire copy opens a story, or a paragraph, with the agency that wrote it, in brackets and
followed by a dash, sometimes after the city it was filed from. The bracket looks like a
ticker the article marks ("(NVDA)"), but a ticker follows the company it names; a credit
follows nothing but the start of a line or an upper-case city, so it never names an asset.
"""

from __future__ import annotations

import re

# the start of a line, then an optional CITY (or "NEW YORK", "FRANKFURT/PARIS") and the bracket
_LINE_HEAD = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z.'/-]*(?:[ \t]+[A-Z][A-Z.'/-]*)*[ \t]*)?$")
_DASH_AFTER = re.compile(r"[ \t]*[-\u2013\u2014]")


def is_wire_credit(text: str, start: int, end: int) -> bool:
    """Whether the bracket at text[start:end] is an agency's credit heading a line."""
    return bool(_LINE_HEAD.search(text, 0, start)) and bool(_DASH_AFTER.match(text, end))
