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
    # The European "14.11.2025", and "11/14/2025" read month first unless the first number
    # cannot be a month ("14/11/2025"): a page writes its own date in its country's order.
    re.compile(r"(?<![\d.,$])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.,]\d)"),
    re.compile(r"(?<![\d/.,$])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
)
# A wire dateline names no year: "LONDON, Nov 20 (Reuters) -", "New Delhi, December 10 --",
# "TOKYO, Feb 25:", "NEW YORK (October 29)", "Dec. 22 at 9:05 PM", or the day alone on a line.
# Before the day: the line's start, or a place (capitalised words and a comma) opening it.
# Its year is the one its text fits best (`_likely_day`).
_DAY_WITHOUT_YEAR = (
    rf"(?:(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?)"
    r"(?:st|nd|rd|th)?"
)
_DATELINE_END = r"(?=\s*\(|\s*\)|\s*[-\u2013\u2014]+\s|\s*[:|]|\s+(?:at\s+)?\d{1,2}:\d{2}|\s*$"
_YEARLESS_DATELINES = (
    # "LONDON, Nov 20 (Reuters)", "Baku, January 14. The ...": a place, a comma, the day.
    re.compile(
        r"^(?:(?-i:[A-Z])[\w.'-]*\s?){0,4},\s*" + _DAY_WITHOUT_YEAR + _DATELINE_END + r"|\.\s)",
        re.IGNORECASE | re.MULTILINE,
    ),
    # "Nov 20 (Reuters) -", "18 Sep" alone, "NEW YORK (October 29)": not a wrapped line of prose
    # that happens to start with a day ("since\nDecember 2. Reuters reports ...").
    re.compile(
        rf"(?:^|(?<=(?-i:[A-Z]) )\(\s*(?=(?:{_MONTH})\.?\s+\d{{1,2}}\s*\)))"
        + _DAY_WITHOUT_YEAR
        + _DATELINE_END
        + ")",
        re.IGNORECASE | re.MULTILINE,
    ),
)
# The opening reports its news on a day it writes without a year: "released on November 6".
_YEARLESS_REPORTED = re.compile(
    r"\b(?:on|dated)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    + _DAY_WITHOUT_YEAR
    + r"\b(?!,?\s*\d)",
    re.IGNORECASE,
)
# Words before "on <day>" that make it a day still to come, or a forecast's: "due on March 24",
# "UBS sees gold at $5,000 on June 30, 2026", "silver to $60 on 2026-03-31".
_COMING = re.compile(
    r"(?:\b(?:due|scheduled|expected|planned|set|slated|await\w*|until|before|next|meets?"
    r"|meeting|will|expects?|sees?|predicts?|could|may|might|should|would|can|likely"
    r"|reach(?:es)?|climbs?|rises?|falls?|by\s+(?:the\s+)?(?:end|close))\b"
    r"|\bto\s+[$\u20ac\u00a3]?\d)"
    r"(?:(?!\n\s*\n)[^.;!?]){0,60}$",
    re.IGNORECASE,
)
# What a page writes before its own date on the same line: labels, a byline, a place, a clock
# time, separators. A lowercase word of any other kind means the date is inside a sentence,
# which reports an event ("gold hit a record on Oct 7, 2025") rather than dating the page.
_HEAD_WORDS_OF_A_DATELINE = frozenset(
    (
        *("published", "updated", "posted", "last", "first", "date", "release", "released"),
        *("publication", "modified", "at", "by", "written", "aired", "filed", "read", "more"),
        *("am", "pm", "et", "gmt", "est", "edt", "utc", "ist", "min"),
        *("de", "der", "le", "la", "el", "du"),
    )
)
_LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'\u2019]+\b")
# Words that make the date that follows a deadline, a period's edge or a data point's day,
# not the page's: "by November 14, 2026", "until 2026-03-31", "as of January 1, 2024".
_NOT_THE_PAGES_DATE = re.compile(
    r"\b(?:by|until|till|before|through|thru|to|into|ahead\s+of|end\s+of|since|as\s+of|from"
    r"|after|than|between|and|due|expir\w*|matur\w*|deadline|target\s+date|around|early|mid"
    r"|late|until\s+at\s+least)[\s:,-]*(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",
    re.IGNORECASE,
)
# The opening reports the day's news: "On December 26, 2025 spot silver hit $79". Not the
# page's date, but the page was written on it or soon after: a weaker reading than a dateline.
_REPORTED_ON = re.compile(
    r"\b(?:on|aired|dated|announced|as\s+of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.IGNORECASE,
)
# "As of January 1, 2026 gold traded at $4,362": a data point's day, not the page's, but the
# page was written on it or after it.
_AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)
# A date followed by its value is a data point: "January 1, 2024 = $2,042", "2022-01-01: 4,100".
_DATA_POINT = re.compile(r"\s*[=:]\s*[$\u20ac\u00a3]?\s*\d")
# A report introduced by a deadline is a deadline: "by close of business on 13 January 2025".
_DEADLINE_BEFORE_REPORT = re.compile(
    r"\b(?:by\s+(?:the\s+)?(?:close|end)|until|before|deadline)\b[^.;!?]{0,30}$", re.I
)
# A clock time written before a date, as a social post does: "2:15 PM · Nov 14, 2025".
_CLOCK_FIRST = re.compile(
    r"(?<![\d.,$])\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\s*)?[\u00b7\u2022|,-]?\s*"
    rf"(?=(?:{_MONTH})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTH})|\d{{4}}-\d|\d{{1,2}}[./]\d)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR_NAMED = re.compile(r"(?<![\d$\u20ac\u00a3,.])(?:19[89]\d|20\d\d)(?!\d|[,.]\d)")
# How many years back a yearless dateline may lie; the oldest corpus article is 2007's.
_YEARS_BACK = 30
_YEARS_READ = 3000
_PUBLISHED = re.compile(
    r"\b(?:published|updated?|posted|released|release\s+date|publication\s+date|date"
    r"|first\s+published|last\s+updated|last\s+modified)\b(?:\s+on)?\s*[:|-]?\s*"
    r"(?:[A-Za-z]{3,9}\.?,?\s+)?$",
    re.IGNORECASE,
)
# A clock time right after a date: "Nov 4, 2025 at 2:15 PM", "2025-11-04T10:42", "... 10:42 GMT".
_CLOCK = re.compile(
    r"(?:T|,?\s+(?:at\s+)?|\s*[-|\u2022\u00b7]\s*)\d{1,2}[:.h]\d{2}\b", re.IGNORECASE
)
# The label of the day a page first appeared, which is when its calls were made; a later
# "Updated" or "Last modified" day counts only when the page gives no first one.
_PUBLISHED_WORD = re.compile(
    r"\b(?:published|posted|released|release\s+date|publication\s+date|date)\b",
    re.IGNORECASE,
)
_UPDATED_WORD = re.compile(r"\b(?:updated?|last\s+modified)\b", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"(?<=[\sT])\d{1,2}[:.h]\d{2}\b")
_REACH = 48
_FOUR_DIGITS = re.compile(r"\d{4}")
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


def find_dateline(
    text: str, today: date | None = None, *, year_hint: date | None = None
) -> Dateline | None:
    """The article's own date, or None: where a page puts it, most explicit first.

    1. a date the page labels as its own, anywhere: "Published 3 Nov 2025",
       "Release Date: January 13, 2026", else "Updated: 2025-11-04";
    2. the first date standing near the top (a dateline: "November 14, 2025",
       "By Jane Doe | November 14, 2025", "14.11.2025"), not one inside a
       sentence ("gold hit a record on Oct 7, 2025") nor a deadline ("by
       November 14, 2026");
    3. a timestamp anywhere, a date with its clock time: "November 4, 2025 at
       2:15 PM EST", "3 Nov 2025 10:42 GMT", "2:15 PM · Nov 14, 2025" (a body
       quotes days, rarely minutes);
    4. a date standing on one of the last lines, as a footer or a quoted
       post's signature ("- Name (@handle) May 27, 2025").

    With `today`, a wire dateline without a year ("LONDON, Nov 20 (Reuters)")
    counts last, its year the one the text fits best (`year_hint`, a date
    the URL gives, counts most).
    """
    labelled = _near(text, _PUBLISHED_WORD, after=_PUBLISHED) or _near(
        text, _UPDATED_WORD, after=_PUBLISHED
    )
    if labelled is not None:
        return labelled
    head = _head(text)
    found = _first_date(head, standing=True)
    if found is not None:
        return found
    stamped = _near(text, _CLOCK_TIME, before=_CLOCK) or _clock_then_date(text)
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
    matches = [m for pattern in _YEARLESS_DATELINES for m in pattern.finditer(head)]
    for match in sorted(matches, key=lambda m: m.start()):
        day = _likely_day(match, head, text, today, year_hint)
        if day is not None:
            return Dateline(day, " ".join(match[0].strip(" ,()").split()))
    return None


def find_reported_day(
    text: str, today: date | None = None, *, year_hint: date | None = None
) -> Dateline | None:
    """The latest day the opening reports its news on, or None: "On December 26, 2025 silver
    hit $79", "the EIA's outlook, released on November 6".

    Not the page's own date: the page was written that day or soon after,
    which beats reading every relative deadline from today when nothing
    better is found. A day written without a year counts only with `today`,
    its year read as a yearless dateline's; a day still to come ("due on
    March 24", "the Fed meets on December 10") is not a report.
    """
    head = _head(text)
    found = [_first_date(head, reported=True)]
    if today is not None:
        for match in _YEARLESS_REPORTED.finditer(head):
            if _COMING.search(head, max(0, match.start() - 40), match.start()):
                continue
            day = _likely_day(match, head, text, today, year_hint)
            if day is not None:
                found.append(Dateline(day, " ".join(match[0].split())))
    return max((d for d in found if d is not None), key=lambda d: d.day, default=None)


def _head(text: str) -> str:
    return "\n".join(text.strip().splitlines()[:HEAD_LINES])[:HEAD_CHARACTERS]


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
        if not _FOUR_DIGITS.search(text, start, end):
            continue  # every full date writes its year: most anchors have none near them
        found = _first_date(text[start:end], after=after, before=before)
        if found is not None:
            return found
    return None


def _clock_then_date(text: str) -> Dateline | None:
    """The first date written right after a clock time, as a post is stamped: "2:15 PM · Nov 14,
    2025". One scan finds the clock times a date follows; only those are read for the date."""
    for match in _CLOCK_FIRST.finditer(text):
        found = _first_date(text[match.end() : match.end() + _REACH])
        if found is not None and text.startswith(found.text, match.end()):
            return found
    return None


def _first_date(
    text: str,
    *,
    after: re.Pattern[str] | None = None,
    before: re.Pattern[str] | None = None,
    standing: bool = False,
    reported: bool = False,
) -> Dateline | None:
    """The earliest full date in `text` that is not a deadline's; with `after`, only one right
    after those words; with `before`, only one right before them; `standing`, only one not
    inside a sentence; `reported`, only one a sentence reports its news on."""
    found: list[tuple[int, Dateline]] = []
    for pattern in _DATELINES:
        for match in pattern.finditer(text):
            ahead = text[max(0, match.start() - 40) : match.start()]
            if after is not None and not after.search(ahead):
                continue
            if before is not None and not before.match(text, match.end()):
                continue
            if _NOT_THE_PAGES_DATE.search(ahead) and not (reported and _AS_OF.search(ahead)):
                continue
            if standing and not _stands_alone(text, match):
                continue
            if reported and (
                not _REPORTED_ON.search(ahead)
                or _DEADLINE_BEFORE_REPORT.search(ahead)
                or _COMING.search(ahead)
            ):
                continue
            day = _day(match)
            if day is not None:
                found.append((match.start(), Dateline(day, " ".join(match[0].split()))))
                break
    return min(found, key=lambda item: item[0])[1] if found else None


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    """The date is not inside a sentence: what precedes it on its line is a label, a byline,
    a place or a clock time, or it is set in parentheses ("market today (Dec. 24, 2025)").
    A table row's date and a data point's ("January 1, 2024 = $2,042") are data, not the
    page's date."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start : match.start()]
    if _REPORTED_ON.search(before) or before.lstrip().startswith("|"):
        return False
    if _DATA_POINT.match(text, match.end()):
        return False
    if before.rstrip().endswith("(") and text[match.end() : match.end() + 1] == ")":
        return True
    words = _LOWERCASE_WORD.findall(before)
    return all(word in _HEAD_WORDS_OF_A_DATELINE for word in words)


def _likely_day(
    match: re.Match[str], head: str, text: str, today: date, year_hint: date | None
) -> date | None:
    """The day of a yearless dateline in the year its text fits best, on or before today.

    A reader dates "Nov 26 (Reuters) - Deutsche Bank on Wednesday lifted its
    2026 gold forecast" to 2025: late in a year a forecast is for the next
    year or two, early in it for this year or the next, and Nov 26, 2025 was
    a Wednesday. So each year back to `_YEARS_BACK` is scored: a date the
    URL gives within six weeks of the day (6); the year fitting the latest year
    the text names, as just said (4); the weekday the opening names falling
    on the day (3) or on the day before, as "on Monday" in Tuesday's wire
    (2). The latest of the best wins, so with no clue at all it is the last
    such day on or before today.
    """
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    number = int(match["d"] or match["d2"])
    opening = head[match.end() : match.end() + 400]
    weekdays = {_WEEKDAYS.index(m["weekday"].lower()) for m in _WEEKDAY.finditer(opening)}
    named = [int(y) for y in _YEAR_NAMED.findall(text[:_YEARS_READ]) if int(y) <= today.year + 2]
    latest_named = max(named, default=None)
    # How many years before the latest year named the article may be written.
    lags = (0, 1) if month <= 4 else (1, 2) if month >= 9 else (0, 1, 2)
    best: tuple[int, date] | None = None
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if day > today:
            continue
        score = 4 if latest_named is not None and latest_named - year in lags else 0
        if day.weekday() in weekdays:
            score += 3
        elif (day.weekday() - 1) % 7 in weekdays:
            score += 2
        if year_hint is not None and abs((year_hint - day).days) <= 45:
            score += 6
        if best is None or score > best[0]:
            best = (score, day)
    return best[1] if best else None


def _day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("month"):
        month, number = MONTHS[groups["month"].lower()], int(match["d"])
    elif groups.get("a"):
        first, second = int(match["a"]), int(match["b"])
        month, number = (second, first) if first > 12 else (first, second)
    else:
        month, number = int(match["m"]), int(match["d"])
    try:
        return date(int(match["y"]), month, number)
    except ValueError:
        return None


def find_byline(text: str) -> str | None:
    """The author named in a byline near the top ("By Jane Smith"), or None."""
    head = "\n".join(text.strip().splitlines()[:HEAD_LINES])[:HEAD_CHARACTERS]
    match = _BYLINE.search(head)
    return match["name"].strip() if match else None
