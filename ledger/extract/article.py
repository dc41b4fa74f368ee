"""What the top of an article says about it: the day it was written and its author.

A call is judged from the day it was made, so made_on matters as much as the
level. Articles carry the day in a dateline ("NEW YORK, Nov 20 (Reuters)",
"November 20, 2025", "2025-11-20") near the top; only the first lines are
read, so a date quoted in the body ("the Fed meets on December 10, 2025")
is never taken for the article's own. The byline ("By Jane Smith") names the
author, who is the speaker of first-person calls ("I expect", "we think").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ledger.claims.dates import MONTHS

# How much of the text counts as "the top": a headline, a standfirst and a dateline fit.
HEAD_LINES = 8
HEAD_CHARACTERS = 800

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINES = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    # "2026/02/04 11:28:01", "2025.10.07", and the CJK form "2025年10月07日"
    re.compile(r"(?<![\d.,$])(?P<y>\d{4})([/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.,])"),
    re.compile(r"(?P<y>\d{4})\s*\u5e74\s*(?P<m>\d{1,2})\s*\u6708\s*(?P<d>\d{1,2})\s*\u65e5"),
    re.compile(
        rf"\b(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    ),
)
# A wire dateline names no year: "LONDON, Nov 20 (Reuters) -", "Nov 20 -", or the day alone
# on a line. The year is the one that puts the day last on or before today.
_YEARLESS_DATELINE = re.compile(
    rf"(?:^|,\s*)(?:(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+"
    rf"(?P<month2>{_MONTH})\.?)(?:st|nd|rd|th)?\s*(?=\(|[-\u2013\u2014]\s|$)",
    re.IGNORECASE | re.MULTILINE,
)
# Words a page puts right before its own date. Regex, searched just before the date.
_PUBLISHED = re.compile(
    r"\b(?:published|updated|posted|released|release\s+date|publication\s+date|date"
    r"|first\s+published|last\s+updated|last\s+modified)\b(?:\s+on)?\s*[:|-]?\s*"
    r"(?:[A-Za-z]{3,9}\.?,?\s+)?$",
    re.IGNORECASE,
)
# A clock time right after a date: "Nov 4, 2025 at 2:15 PM", "2025-11-04T10:42", "... 10:42 GMT".
_CLOCK = re.compile(
    r"(?:T|,?\s+(?:at\s+)?|\s*[-|\u2022\u00b7]\s*)\d{1,2}[:.h]\d{2}\b", re.IGNORECASE
)
_PUBLISHED_WORD = re.compile(
    r"\b(?:published|updated|posted|released|release\s+date|publication\s+date|date"
    r"|last\s+modified)\b",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(r"(?<=[\sT])\d{1,2}[:.h]\d{2}\b")
_REACH = 48
_FOOTER_WORDS = re.compile(r"\w+")
FOOT_LINES = 3
FOOTER_CHARACTERS = 160
_DEADLINE_WORD = re.compile(r"\b(?:by|until|till|before|through|in|on|from|to)\s*$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?i:by|written\s+by|posted\s+by)\s+(?P<name>[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|de|van|von))"
    r"{0,3})\s*(?:$|[,|\u2022\u2014-])",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Dateline:
    """The article's date and the words it was read from."""

    day: date
    text: str


def find_dateline(text: str, today: date | None = None) -> Dateline | None:
    """The article's own date, or None: where a page puts it, most explicit first.

    1. a date the page labels as its own, anywhere: "Published 3 Nov 2025",
       "Updated: 2025-11-04", "Release Date: January 13, 2026";
    2. the first full date near the top (a dateline);
    3. a timestamp anywhere, a date with its clock time: "November 4, 2025 at
       2:15 PM EST", "3 Nov 2025 10:42 GMT", "2025-11-04T10:42:00Z" (a body
       quotes days, rarely minutes);
    4. a date standing on one of the last lines, as a footer or a quoted
       post's signature ("- Name (@handle) May 27, 2025").

    With `today`, a wire dateline without a year ("LONDON, Nov 20 (Reuters)")
    counts last, read as the last such day on or before today.
    """
    labelled = _near(text, _PUBLISHED_WORD, after=_PUBLISHED)
    if labelled is not None:
        return labelled
    head = "\n".join(text.strip().splitlines()[:HEAD_LINES])[:HEAD_CHARACTERS]
    found = _first_date(head)
    if found is not None:
        return found
    stamped = _near(text, _CLOCK_TIME, before=_CLOCK)
    if stamped is not None:
        return stamped
    for line in reversed(text.strip().splitlines()[-FOOT_LINES:]):
        if len(line) > FOOTER_CHARACTERS:
            continue  # a footer is a short line, not the last paragraph
        footer = _first_date(line)
        if footer is not None and _is_footer(line, footer):
            return footer
    if today is None:
        return None
    for match in _YEARLESS_DATELINE.finditer(head):
        day = _latest_day(match, today)
        if day is not None:
            return Dateline(day, " ".join(match[0].strip(" ,").split()))
    return None


def _is_footer(line: str, found: Dateline) -> bool:
    """A short line whose only number is its date, not written as a deadline ("by May 27")."""
    at = " ".join(line.split()).find(found.text)
    rest = " ".join(line.split()).replace(found.text, " ")
    before = " ".join(line.split())[:at] if at >= 0 else ""
    return (
        len(_FOOTER_WORDS.findall(rest)) <= 8
        and not re.search(r"\d", rest)
        and not _DEADLINE_WORD.search(before)
    )


def _near(
    text: str,
    anchor: re.Pattern[str],
    *,
    after: re.Pattern[str] | None = None,
    before: re.Pattern[str] | None = None,
) -> Dateline | None:
    """The first date next to an anchor (a label word, a clock time), wherever it is.

    Only the few characters around each anchor are read for a date, so a long
    page is scanned once by the anchor's pattern, not once per date pattern.
    """
    for match in anchor.finditer(text):
        start = max(0, match.start() - _REACH) if before is not None else match.start()
        end = match.end() + _REACH if after is not None else match.end()
        found = _first_date(text[start:end], after=after, before=before)
        if found is not None:
            return found
    return None


def _first_date(
    text: str, *, after: re.Pattern[str] | None = None, before: re.Pattern[str] | None = None
) -> Dateline | None:
    """The earliest full date in `text`; with `after`, only one right after those words;
    with `before`, only one right before them."""
    found: list[tuple[int, Dateline]] = []
    for pattern in _DATELINES:
        for match in pattern.finditer(text):
            if after is not None and not after.search(
                text, max(0, match.start() - 40), match.start()
            ):
                continue
            if before is not None and not before.match(text, match.end()):
                continue
            day = _day(match)
            if day is not None:
                found.append((match.start(), Dateline(day, " ".join(match[0].split()))))
                break
    return min(found, key=lambda item: item[0])[1] if found else None


def _latest_day(match: re.Match[str], today: date) -> date | None:
    """The last day of that month and number on or before `today`, within a year."""
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    number = int(match["d"] or match["d2"])
    for year in (today.year, today.year - 1):
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if day <= today:
            return day
    return None


def _day(match: re.Match[str]) -> date | None:
    month = match["month"] if "month" in match.groupdict() else None
    number = MONTHS[month.lower()] if month else int(match["m"])
    try:
        return date(int(match["y"]), number, int(match["d"]))
    except ValueError:
        return None


def find_byline(text: str) -> str | None:
    """The author named in a byline near the top ("By Jane Smith"), or None."""
    head = "\n".join(text.strip().splitlines()[:HEAD_LINES])[:HEAD_CHARACTERS]
    match = _BYLINE.search(head)
    return match["name"].strip() if match else None
