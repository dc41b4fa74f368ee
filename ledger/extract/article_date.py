"""The day an article was written, when the user does not give it (issue 11).

Relative deadlines ("by year-end", "next year", "in 12 months") count from
the article's day, so a wrong day moves every such call. A reader dates a
page from what it carries, most trustworthy first:

1. the day the user gives (--made-on);
2. the page's own metadata (`<meta property="article:published_time">`);
3. a dateline or byline in the text ("NEW YORK, Nov 14 (Reuters) -",
   "Published 14 November 2025", "By Jane Doe | November 14, 2025"),
   never a deadline ("by November 14, 2026") or a day the body reports;
4. a date in the URL (".../2025/11/14/...", "...-20251114-...", "?date=..."):
   weaker than the text, since sites put a section's or a first version's
   date there, and it gives a yearless dateline its year;
5. the day the opening reports its news on ("On December 26, 2025 spot silver
   hit $79"): the page was written then or soon after;
6. today, said plainly, since every relative deadline is then read from it.

A day the ledger would refuse (before 1900, after today) is passed over and
the reason says so. The reason always names what was read and, when two
readings disagree, which one was used, so the user can correct it with
--made-on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from ledger.claims.bounds import EARLIEST_MADE_ON, BoundsError, check_made_on
from ledger.claims.dates import MONTHS
from ledger.extract.article import Dateline, find_dateline, find_reported_day


class DateSource(StrEnum):
    """Where the article's day was read from, most trustworthy first."""

    GIVEN = "given"
    PAGE = "page"
    DATELINE = "dateline"
    URL = "url"
    REPORTED = "reported"
    TODAY = "today"


@dataclass(frozen=True)
class ArticleDate:
    """The day the article's calls are read from, where it came from, and why, in words."""

    day: date
    source: DateSource
    why: str


@dataclass(frozen=True)
class UrlDate:
    """A day written in a URL and the characters it was read from.

    `month_only`: the URL writes a year and a month ("/2025/10/"); the day is
    then the 15th, at most half a month from the real one either way.
    """

    day: date
    text: str
    month_only: bool = False


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A slug that ends in a deadline word before the date names a forecast's day, not the page's:
# ".../gold-to-5000-by-2026-12-31".
_DEADLINE_IN_SLUG = re.compile(r"(?:^|[-_/])(?:by|until|till|before|through|to|end|eoy)[-_]$")
_YEAR_AFTER = re.compile(r"[-_/](?:19|20)\d\d(?!\d)")
_URL_DATES = (
    # "/2025/11/14/", "/2025-10-08/", "2013-08/23", "/2025/12/8/", "es_GOLD-2026-01-26"
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)[/_-](?P<m>\d{1,2})[/_-](?P<d>\d{1,2})(?![\d])"),
    # "-20240822", "-202506131153" (with the time), "/20250810-43755_", "?date=20251114"
    re.compile(
        r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{2}|\d{4}|\d{6})?(?![\d])"
    ),
    # "-25-nov-2025-", "-14-november-2025"
    re.compile(
        rf"(?<![a-z\d])(?P<d>\d{{1,2}})[-_](?P<month>{_MONTH})[-_](?P<y>(?:19|20)\d\d)(?![\d])"
    ),
    # "-november-14-2025"
    re.compile(
        rf"(?<![a-z])(?P<month>{_MONTH})[-_](?P<d>\d{{1,2}})[-_](?P<y>(?:19|20)\d\d)(?![\d])"
    ),
)


# "/2025/10/", "nachrichten-2024-10/", "-2013-11" at the end: a year and a month, no day.
_URL_MONTH = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)[/_-](?P<m>0?[1-9]|1[0-2])(?=[/_.?]|$)")
# "outlook-for-2026-1", "top-10-in-2025-6": a period and a list number, not a month of writing.
_PERIOD_IN_SLUG = re.compile(r"(?:^|[-_/])(?:for|in|of)[-_]$")
MID_MONTH = 15


def date_in_url(url: str) -> UrlDate | None:
    """The first day the URL's path or query writes, or None; else its year and month.

    The host is not read (a number there names a server, not a day), nor a
    date written after a deadline word in the slug; every reading must be a
    real calendar day.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    where = unquote(f"{parts.path}?{parts.query}").lower()
    return _day_in(where) or _month_in(where)


def _month_in(where: str) -> UrlDate | None:
    for match in _URL_MONTH.finditer(where):
        if _DEADLINE_IN_SLUG.search(where, 0, match.start()) or _PERIOD_IN_SLUG.search(
            where, 0, match.start()
        ):
            continue
        day = date(int(match["y"]), int(match["m"]), MID_MONTH)
        return UrlDate(day, match[0], month_only=True)
    return None


def _day_in(where: str) -> UrlDate | None:
    found: list[tuple[int, UrlDate]] = []
    for pattern in _URL_DATES:
        for match in pattern.finditer(where):
            if _DEADLINE_IN_SLUG.search(where, 0, match.start()):
                continue
            if _YEAR_AFTER.match(where, match.end()):
                continue  # "-2026-05-02-2026": a year, then a day written day first, or an id
            groups = match.groupdict()
            month = MONTHS[groups["month"]] if groups.get("month") else int(match["m"])
            try:
                day = date(int(match["y"]), month, int(match["d"]))
            except ValueError:
                continue
            found.append((match.start(), UrlDate(day, match[0])))
            break
    return min(found, key=lambda item: item[0])[1] if found else None


def article_date(
    text: str,
    *,
    today: date,
    made_on: date | None = None,
    published: date | None = None,
    url: str | None = None,
) -> ArticleDate:
    """The day the article's calls are read from, and why: see the module's docstring.

    `made_on` must be one the ledger accepts (BoundsError otherwise); any
    other day the ledger would refuse is passed over, and `why` says so.
    """
    if made_on is not None:
        check_made_on(made_on, today)
        return ArticleDate(made_on, DateSource.GIVEN, "given with --made-on")
    passed_over: list[str] = []
    in_url = date_in_url(url) if url else None
    url_day = _accepted(in_url.day if in_url else None, "the URL's date", today, passed_over)
    readings = _readings(text, today, published, in_url, url_day)
    for source, day, label in readings:
        if source is DateSource.URL:
            if url_day is None:
                continue
        elif _accepted(day, label, today, passed_over) is None:
            continue
        notes = [_url_disagrees(source, day, in_url, url_day), _dateline_disagrees(readings, day)]
        why = "; ".join((label + "".join(notes), *passed_over))
        return ArticleDate(day, source, why)
    found_nothing = "; ".join(passed_over) if passed_over else "no date found in the article"
    return ArticleDate(
        today,
        DateSource.TODAY,
        f"today: {found_nothing}; deadlines were read from today (give --made-on)",
    )


_Reading = tuple[DateSource, date, str]


def _readings(
    text: str,
    today: date,
    published: date | None,
    in_url: UrlDate | None,
    url_day: date | None,
) -> list[_Reading]:
    """Every reading of the article's day the page offers, most trustworthy first."""
    readings: list[_Reading] = []
    if published is not None:
        readings.append((DateSource.PAGE, published, "the page's publication date"))
    dateline = find_dateline(text, today, year_hint=url_day)
    if dateline is not None:
        readings.append((DateSource.DATELINE, dateline.day, _dateline_words(dateline)))
    if in_url is not None and not in_url.month_only:
        readings.append((DateSource.URL, in_url.day, f"the date in the URL, '{in_url.text}'"))
    reported = find_reported_day(text, today, year_hint=url_day)
    # A day the opening reports is a finer reading than the URL's month only inside it.
    if (
        reported is not None
        and in_url is not None
        and in_url.month_only
        and (reported.day.year, reported.day.month) != (in_url.day.year, in_url.day.month)
    ):
        reported = None
    if reported is not None:
        words = f"no dateline; the day the opening reports, '{_in_context(text, reported)}'"
        readings.append((DateSource.REPORTED, reported.day, words))
    if in_url is not None and in_url.month_only:
        words = f"the month in the URL, '{in_url.text}' (no day written: read as the {MID_MONTH}th)"
        readings.append((DateSource.URL, in_url.day, words))
    return readings


def _dateline_disagrees(readings: list[_Reading], day: date) -> str:
    """A note when the page's metadata was used over a dateline that says another day."""
    sources = {source: (when, label) for source, when, label in reversed(readings)}
    if DateSource.PAGE not in sources or DateSource.DATELINE not in sources:
        return ""
    page_day = sources[DateSource.PAGE][0]
    when, label = sources[DateSource.DATELINE]
    if page_day != day or when == day:
        return ""
    return f" ({label} says {when.isoformat()}; the page's metadata was used)"


def _dateline_words(dateline: Dateline) -> str:
    if str(dateline.day.year) in dateline.text:
        return f"the dateline '{dateline.text}'"
    return f"the dateline '{dateline.text}' (no year written; read as {dateline.day.year})"


def _in_context(text: str, reported: Dateline) -> str:
    """The reported day with the word that introduces it ("On December 26, 2025")."""
    flat = " ".join(text.split())
    at = flat.find(reported.text)
    if at < 0:
        return reported.text
    start = flat.rfind(" ", 0, max(0, at - 1)) + 1
    return flat[start : at + len(reported.text)]


def _url_disagrees(
    source: DateSource, day: date, in_url: UrlDate | None, url_day: date | None
) -> str:
    """A note when the URL's date is not the day used: the user sees both and may choose."""
    if url_day is None or in_url is None or source in (DateSource.URL, DateSource.REPORTED):
        return ""
    if url_day == day or (
        in_url.month_only and (day.year, day.month) == (url_day.year, url_day.month)
    ):
        return ""
    shown = url_day.strftime("%Y-%m") if in_url.month_only else url_day.isoformat()
    return f" (the URL's date, {shown}, differs; the page's own date was used)"


def _accepted(day: date | None, label: str, today: date, passed_over: list[str]) -> date | None:
    """`day` if the ledger accepts it as a made_on; else None, noted in `passed_over`."""
    if day is None:
        return None
    try:
        check_made_on(day, today)
    except BoundsError:
        passed_over.append(
            f"{label} {day.isoformat()} was ignored, not between"
            f" {EARLIEST_MADE_ON.isoformat()} and today"
        )
        return None
    return day
