"""Deadline and period phrases → dates.

A claim is only judgeable once it has a last day, so every way people write
one ("end-2026", "Q3 2026", "in 6 months", "through January") is turned into
a concrete date here. Relative phrases are read against `made_on`, never
against a clock, so the same text always gives the same dates.

Where a phrase admits more than one honest reading ("mid-2026", "before
2026-12-31", "by 2026"), the reading chosen is returned as a short sentence
in `assumptions`; the user sees it next to the claim.

Phrases are found by a list of patterns tried in priority order (a range
before its parts, "end of Q3 2026" before "Q3 2026"); each match is blanked
out of the text so that later stages never read "2026" as a price.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ledger.errors import ClaimError

_FLAGS = re.IGNORECASE | re.ASCII | re.VERBOSE

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Prepositions that may lead a date phrase. Which of them make a phrase a
# period ("in Q4 2026") rather than a deadline ("by Q4 2026") is decided below.
_PERIOD_PREPS = frozenset({"in", "during", "over", "throughout", "within", "for"})
_PREPS = (
    r"no\s+later\s+than|by|on|until|till|til|through|thru|throughout|before|in|during|over"
    r"|within|for|at|into"
)

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_YEAR = r"(?:19|20|21)\d{2}"
# A phrase starts at a word boundary that is not part of a number, symbol or path.
_START = r"(?<![\w$.,+\-/^=&])"
# ... and ends where no word, percent or decimal continues it.
_END = r"(?![\w%])(?![.,]\w)"

_DAY = rf"""
    (?P<iso>\d{{4}}[-/]\d{{1,2}}[-/]\d{{1,2}})
  | (?P<md_month>{_MONTH_RE})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_year>\d{{4}})
  | (?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH_RE})\.?,?\s+
    (?P<dm_year>\d{{4}})
"""

_PERIOD = rf"""
    q(?P<q>[1-4])(?:\s*[-/']?\s*(?P<q_year>{_YEAR}))?
  | (?P<q_first>[1-4])q\s*(?P<q_first_year>{_YEAR})
  | h(?P<h>[12])(?:\s*[-/]?\s*(?P<h_year>{_YEAR}))?
  | (?P<h_first>[12])h\s*(?P<h_first_year>{_YEAR})
  | (?:the\s+)?(?P<half_word>first|second)\s+half(?:\s+of)?(?:\s+(?P<half_word_year>{_YEAR}))?
  | (?P<month_this>this\s+)?(?P<month>{_MONTH_RE})\.?(?:\s*,?\s*(?P<month_year>{_YEAR}))?
  | (?:(?P<season_this>this\s+)|(?P<season_next>next\s+))?(?P<season>spring|summer|autumn)
    (?:\s+(?:of\s+)?(?P<season_year>{_YEAR}))?
  | (?P<rel>this|next|the|current|coming)\s+(?P<rel_unit>year|quarter|month|week)
  | (?P<year>{_YEAR})
  | (?P<year_word>year)
"""


def _unnamed(pattern: str) -> str:
    """The same pattern without group names, so it can be embedded twice."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_DAY_RE = re.compile(rf"(?:{_DAY})", _FLAGS)
_PERIOD_RE = re.compile(rf"(?:{_PERIOD})", _FLAGS)
_DAY_OR_PERIOD = rf"(?:{_unnamed(_DAY)}|{_unnamed(_PERIOD)})"


@dataclass(frozen=True)
class DatePhrase:
    """One date phrase found in a claim.

    `start` is set only when the phrase names a period ("in Q4 2026",
    "from 2026-10-01 to 2026-12-31"); a plain deadline leaves it None and the
    window starts the day after the call.
    """

    text: str
    deadline: date
    start: date | None = None
    assumptions: tuple[str, ...] = ()
    span: tuple[int, int] = (0, 0)
    counts_from_call: bool = False  # "in 6 months": the window naturally starts now


@dataclass(frozen=True)
class _Span:
    """A resolved day or period: first and last day, and how it was read."""

    start: date
    end: date
    label: str
    needs_prep: bool = False  # a bare "2026" or "March" is only a date after "in"/"by"
    assumptions: tuple[str, ...] = field(default=())
    bare_year: bool = False
    relative: bool = False  # "next month": which month depends on made_on


# ---------------------------------------------------------------- date arithmetic


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return _make_date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """`day` moved by calendar months, the day clipped to the month's end (Jan 31 + 1 → Feb 28)."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year = day.year + years
    month = month_index + 1
    if not 1 <= year <= 9999:
        raise ClaimError(f"{day.isoformat()} plus {months} months is past the year 9999")
    return _make_date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        raise ClaimError(f"{year:04d}-{month:02d}-{day:02d} is not a valid date") from None


def _add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise ClaimError(f"{day.isoformat()} plus {days} days is past the year 9999") from None


def _quarter_span(year: int, quarter: int) -> tuple[date, date]:
    first_month = 3 * (quarter - 1) + 1
    return _make_date(year, first_month, 1), month_end(year, first_month + 2)


def _half_span(year: int, half: int) -> tuple[date, date]:
    first_month = 1 if half == 1 else 7
    return _make_date(year, first_month, 1), month_end(year, first_month + 5)


# ---------------------------------------------------------------- days and periods


def _resolve_day(text: str) -> _Span:
    match = _DAY_RE.fullmatch(text.strip())
    if match is None:  # pragma: no cover - callers only pass text the pattern matched
        raise ClaimError(f"'{text}' is not a date")
    if match["iso"]:
        year, month, day = (int(part) for part in re.split(r"[-/]", match["iso"]))
    elif match["md_month"]:
        year, month, day = (
            int(match["md_year"]),
            MONTHS[match["md_month"].lower()],
            int(match["md_day"]),
        )
    else:
        year, month, day = (
            int(match["dm_year"]),
            MONTHS[match["dm_month"].lower()],
            int(match["dm_day"]),
        )
    try:
        value = date(year, month, day)
    except ValueError:
        raise ClaimError(f"'{text.strip()}' is not a valid date (write year-month-day)") from None
    return _Span(value, value, value.isoformat())


def _next_ending(made_on: date, spans: Callable[[int], tuple[date, date]]) -> tuple[date, date]:
    """The first occurrence (this year or next) of a yearless period that ends after made_on."""
    start, end = spans(made_on.year)
    if end <= made_on:
        start, end = spans(made_on.year + 1)
    return start, end


def _resolve_period(text: str, made_on: date) -> _Span:
    match = _PERIOD_RE.fullmatch(text.strip())
    if match is None:  # pragma: no cover - callers only pass text the pattern matched
        raise ClaimError(f"'{text}' is not a period")
    written = " ".join(text.split())

    def yearless(spans: Callable[[int], tuple[date, date]], name: str) -> _Span:
        start, end = _next_ending(made_on, spans)
        note = (
            f"'{written}' with no year read as the one ending {end.isoformat()}"
            f" (the next to end after {made_on.isoformat()})"
        )
        return _Span(start, end, name, assumptions=(note,))

    quarter = match["q"] or match["q_first"]
    if quarter:
        year = match["q_year"] or match["q_first_year"]
        if year:
            start, end = _quarter_span(int(year), int(quarter))
            return _Span(start, end, f"Q{quarter} {year}")
        return yearless(lambda y: _quarter_span(y, int(quarter)), f"Q{quarter}")
    half = (
        match["h"]
        or match["h_first"]
        or {"first": "1", "second": "2"}.get((match["half_word"] or "").lower(), "")
    )
    if half:
        year = match["h_year"] or match["h_first_year"] or match["half_word_year"]
        if year:
            start, end = _half_span(int(year), int(half))
            return _Span(start, end, f"H{half} {year}")
        return yearless(lambda y: _half_span(y, int(half)), f"H{half}")
    if match["month"]:
        month = MONTHS[match["month"].lower()]
        name = calendar.month_name[month]
        if match["month_year"]:
            year = int(match["month_year"])
            return _Span(_make_date(year, month, 1), month_end(year, month), f"{name} {year}")
        span = yearless(lambda y: (_make_date(y, month, 1), month_end(y, month)), name)
        # "this December" is a date without a preposition; a bare "March" may be a word
        needs_prep = not match["month_this"]
        return _Span(span.start, span.end, span.label, needs_prep, span.assumptions)
    if match["season"]:
        return _season(match, made_on, written)
    if match["rel"]:
        return _relative_period(match["rel"].lower(), match["rel_unit"].lower(), made_on, written)
    if match["year"]:
        year = int(match["year"])
        return _Span(
            _make_date(year, 1, 1), _make_date(year, 12, 31), str(year), True, bare_year=True
        )
    # "year" on its own, as in "end of year" or "mid-year": the call's year.
    return _this_year(made_on, written, needs_prep=True)


# The months of a season as markets write it (meteorological seasons of the northern
# hemisphere, where the houses that publish these calls sit): "by spring 2026" is by the end
# of May 2026. Winter, which straddles two years, and "fall", which is far more often the
# verb, are left unread.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}


def _season(match: re.Match[str], made_on: date, written: str) -> _Span:
    first, last = _SEASON_MONTHS[match["season"].lower()]
    name = match["season"].lower()

    def spans(year: int) -> tuple[date, date]:
        return _make_date(year, first, 1), month_end(year, last)

    if match["season_year"]:
        year = int(match["season_year"])
        start, end = spans(year)
        return _Span(start, end, f"{name} {year}", assumptions=(_season_note(written, end),))
    if match["season_next"]:
        # "by next summer", written in July: the summer that has not begun yet, not the one
        # under way
        start, end = spans(made_on.year)
        if start <= made_on:
            start, end = spans(made_on.year + 1)
        return _Span(start, end, f"{name} {end.year}", assumptions=(_season_note(written, end),))
    start, end = _next_ending(made_on, spans)
    note = _season_note(written, end)
    return _Span(start, end, name, not match["season_this"], (note,))


def _season_note(written: str, end: date) -> str:
    return f"'{written}' read as ending {end.isoformat()} (the season's last month)"


def _this_year(made_on: date, written: str, *, needs_prep: bool = False) -> _Span:
    year = made_on.year
    notes: tuple[str, ...] = ()
    if made_on == date(year, 12, 31):
        year += 1
        notes = (
            f"'{written}' on {made_on.isoformat()}, the last day of {made_on.year},"
            f" read as the end of {year}",
        )
    return _Span(
        _make_date(year, 1, 1),
        _make_date(year, 12, 31),
        str(year),
        needs_prep,
        notes,
    )


def _relative_period(which: str, unit: str, made_on: date, written: str) -> _Span:
    if which == "the" and unit == "year":
        return _this_year(made_on, written)
    step = 1 if which in ("next", "coming") else 0
    if unit == "year":
        year = made_on.year + step
        start, end = _make_date(year, 1, 1), _make_date(year, 12, 31)
    elif unit == "quarter":
        index = (made_on.month - 1) // 3 + step
        start, end = _quarter_span(made_on.year + index // 4, index % 4 + 1)
    elif unit == "week":  # Monday to Sunday, as calendars and trading desks count a week
        start = _add_days(made_on, 7 * step - made_on.weekday())
        end = _add_days(start, 6)
    else:
        first = add_months(made_on.replace(day=1), step)
        start, end = first, month_end(first.year, first.month)
    return _Span(start, end, f"{which} {unit}", relative=step > 0)


def _resolve_day_or_period(text: str, made_on: date) -> _Span:
    if _DAY_RE.fullmatch(text.strip()):
        return _resolve_day(text)
    return _resolve_period(text, made_on)


# ---------------------------------------------------------------- phrase handlers


def _phrase(
    match: re.Match[str],
    deadline: date,
    *,
    start: date | None = None,
    assumptions: tuple[str, ...] = (),
    counts_from_call: bool = False,
) -> DatePhrase:
    return DatePhrase(
        text=" ".join(match[0].split()),
        deadline=deadline,
        start=start,
        assumptions=assumptions,
        span=match.span(),
        counts_from_call=counts_from_call,
    )


def _before(match: re.Match[str], first_day: date, label: str) -> DatePhrase:
    deadline = _add_days(first_day, -1)
    written = " ".join(match[0].split())
    note = f"'{written}' read as through {deadline.isoformat()} (the day before {label})"
    return _phrase(match, deadline, assumptions=(note,))


def _prep(match: re.Match[str]) -> str:
    prep = match.groupdict().get("prep") or ""
    return " ".join(prep.lower().split())


def _on_range(match: re.Match[str], made_on: date) -> DatePhrase | None:
    first = _resolve_day_or_period(match["a"], made_on)
    last = _resolve_day_or_period(match["b"], made_on)
    if first.start > last.end:
        raise ClaimError(
            f"'{' '.join(match[0].split())}' starts ({first.start.isoformat()})"
            f" after it ends ({last.end.isoformat()})"
        )
    return _phrase(
        match, last.end, start=first.start, assumptions=first.assumptions + last.assumptions
    )


def _on_year_span(match: re.Match[str], made_on: date) -> DatePhrase | None:
    """ "for 2030-2035", "over 2026-27": the years from the first through the last, a period.

    A span that runs backwards ("2035-2030") or is not a span of years ("2026-12", a month)
    is no period here."""
    first = int(match["a"])
    last_written = match["b"]
    last = int(last_written) if len(last_written) == 4 else first // 100 * 100 + int(last_written)
    if last <= first:
        return None
    return _phrase(match, _make_date(last, 12, 31), start=_make_date(first, 1, 1))


def _on_end_of(match: re.Match[str], made_on: date) -> DatePhrase | None:
    period = _resolve_period(match["p"], made_on)
    if _prep(match) == "before":
        return _before(match, period.end, f"the last day of {period.label}")
    return _phrase(match, period.end, assumptions=period.assumptions)


def _on_period_runs_out(match: re.Match[str], made_on: date) -> DatePhrase | None:
    """ "before 2029 ends", "before the year is out", "by the time Q3 is over": the period's
    last day is still inside, so this is a deadline at its end (a plain "before 2029" is the
    day before 2029 begins)."""
    period = _resolve_period(match["p"], made_on)
    written = " ".join(match[0].split())
    note = f"'{written}' read as by {period.end.isoformat()} (the end of {period.label})"
    return _phrase(match, period.end, assumptions=(*period.assumptions, note))


def _on_year_end(match: re.Match[str], made_on: date) -> DatePhrase | None:
    year = match["y"]
    if year:
        period = _Span(_make_date(int(year), 1, 1), _make_date(int(year), 12, 31), year)
    else:
        period = _this_year(made_on, " ".join(match[0].split()))
    if _prep(match) == "before":
        return _before(match, period.end, f"the last day of {period.label}")
    return _phrase(match, period.end, assumptions=period.assumptions)


def _on_mid(match: re.Match[str], made_on: date) -> DatePhrase | None:
    written = " ".join(match[0].split())
    if match["y"]:
        deadline = _make_date(int(match["y"]), 6, 30)
    else:
        deadline = _make_date(made_on.year, 6, 30)
        if deadline <= made_on:
            deadline = _make_date(made_on.year + 1, 6, 30)
    note = f"'{written}' read as {deadline.isoformat()} (the end of June)"
    return _phrase(match, deadline, assumptions=(note,))


def _on_mid_month(match: re.Match[str], made_on: date) -> DatePhrase | None:
    """ "by mid-October", "into mid-March 2026": the 15th of the month, the next one to come
    when no year is written. A preposition is required: "since mid-October" looks back."""
    written = " ".join(match[0].split())
    month = MONTHS[match["m"].lower()]
    if match["y"]:
        deadline = _make_date(int(match["y"]), month, 15)
    else:
        deadline = _make_date(made_on.year, month, 15)
        if deadline <= made_on:
            deadline = _make_date(made_on.year + 1, month, 15)
    note = f"'{written}' read as {deadline.isoformat()} (the middle of the month)"
    return _phrase(match, deadline, assumptions=(note,))


def _on_close_year(match: re.Match[str], made_on: date) -> DatePhrase | None:
    """'ends 2026', 'finishes the year': only the year part is a date; the verb says 'close'."""
    text = match["p"]
    if re.fullmatch(_YEAR, text):
        deadline = _make_date(int(text), 12, 31)
        notes: tuple[str, ...] = ()
    else:
        period = (
            _this_year(made_on, " ".join(text.split()))
            if text.lower().startswith("the")
            else _relative_period("this", "year", made_on, text)
        )
        deadline, notes = period.end, period.assumptions
    return DatePhrase(
        text=" ".join(text.split()), deadline=deadline, assumptions=notes, span=match.span("p")
    )


_UNIT_DAYS = {"day": 1, "week": 7}


def _on_duration(match: re.Match[str], made_on: date) -> DatePhrase | None:
    groups = match.groupdict()
    count_text = (groups.get("n") or groups.get("n2") or "1").lower()
    count = NUMBER_WORDS[count_text] if count_text in NUMBER_WORDS else int(count_text)
    unit = match["unit"].lower().rstrip("s")
    if count == 0:
        raise ClaimError(f"'{' '.join(match[0].split())}' is no time at all")
    if unit in _UNIT_DAYS:
        deadline = _add_days(made_on, count * _UNIT_DAYS[unit])
        how = f"{count} {unit}{'s' if count != 1 else ''} after {made_on.isoformat()}"
    else:
        months = count * (12 if unit == "year" else 1)
        deadline = add_months(made_on, months)
        how = f"{count} calendar {unit}{'s' if count != 1 else ''} after {made_on.isoformat()}"
        if deadline.day != made_on.day:
            how += ", clipped to the month's end"
    note = f"'{' '.join(match[0].split())}' read as by {deadline.isoformat()} ({how})"
    return _phrase(match, deadline, assumptions=(note,), counts_from_call=True)


def _on_day(match: re.Match[str], made_on: date) -> DatePhrase | None:
    day = _resolve_day(match["d"])
    if _prep(match) == "before":
        return _before(match, day.start, day.label)
    return _phrase(match, day.end)


def _on_period(match: re.Match[str], made_on: date) -> DatePhrase | None:
    prep = _prep(match)
    period = _resolve_period(match["p"], made_on)
    if period.needs_prep and not prep:
        return None  # a bare "2026" or "March" may be a price or a word, not a date
    if period.bare_year and prep not in _BARE_YEAR_PREPS:
        return None  # "ETH over 2000", "gold at 2050": prices that look like years
    if period.label == "May" and prep not in _DEADLINE_PREPS:
        return None  # "in may" is far more often the verb than the month
    if period.label.endswith("week") and prep not in _DEADLINE_PREPS:
        return None  # "gold hit $4,000 this week", "for the week": a report, not a deadline
    written = " ".join(match[0].split())
    notes = period.assumptions
    if prep in _PERIOD_PREPS:
        if period.relative:
            notes += (
                f"'{written}' read as {period.start.isoformat()} to {period.end.isoformat()}",
            )
        return _phrase(match, period.end, start=period.start, assumptions=notes)
    if prep == "before":
        return _before(match, period.start, f"{period.label} begins")
    if period.bare_year or period.relative:
        notes += (f"'{written}' read as by {period.end.isoformat()} (the end of {period.label})",)
    return _phrase(match, period.end, assumptions=notes)


_DEADLINE_PREPS = frozenset({"by", "until", "till", "til", "through", "thru", "before"})
_BARE_YEAR_PREPS = _DEADLINE_PREPS | {"in", "during", "throughout", "no later than"}

_Handler = Callable[[re.Match[str], date], "DatePhrase | None"]

# Tried in this order; each pattern only sees text the earlier ones left.
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (
        re.compile(
            rf"""{_START}(?:from|between)\s+(?P<a>{_DAY_OR_PERIOD})
                 \s*(?:to|through|thru|until|till|and|-)\s*(?P<b>{_DAY_OR_PERIOD}){_END}""",
            _FLAGS,
        ),
        _on_range,
    ),
    (
        re.compile(
            rf"""{_START}(?P<prep>for|in|over|during|across|throughout)\s+(?:the\s+)?
                 (?P<a>{_YEAR})\s*(?:-|\u2013|/|to)\s*(?P<b>{_YEAR}|\d\d)(?:\s+period)?{_END}""",
            _FLAGS,
        ),
        _on_year_span,
    ),
    (
        re.compile(
            rf"""(?<![\w])(?:ends|ending|ended|closes|closing|closed|close|finishes|finishing
                 |finished|finish|settles|settling|settle|(?:to|will|would|should|could|might)\s+end)
                 \s+(?:(?:out|in)\s+)?(?P<p>(?:the|this)\s+year|{_YEAR}){_END}""",
            _FLAGS,
        ),
        _on_close_year,
    ),
    (
        re.compile(
            rf"""{_START}(?:(?P<prep>{_PREPS})\s+)?(?:the\s+)?end(?:\s*-\s*|\s+of\s+(?:the\s+)?|\s+)
                 (?P<p>{_unnamed(_PERIOD)}){_END}""",
            _FLAGS,
        ),
        _on_end_of,
    ),
    (
        re.compile(
            rf"""{_START}(?:before|until|till|by\s+the\s+time)\s+(?P<p>{_unnamed(_PERIOD)})
                 \s+(?:ends|is\s+(?:out|over|done)|runs\s+out|comes\s+to\s+an\s+end){_END}""",
            _FLAGS,
        ),
        _on_period_runs_out,
    ),
    (
        re.compile(
            rf"""{_START}(?:(?P<prep>{_PREPS})\s+)?(?:the\s+)?
                 (?:year[-\s]?end|eoy)(?:\s+(?P<y>{_YEAR}))?{_END}""",
            _FLAGS,
        ),
        _on_year_end,
    ),
    (
        re.compile(
            rf"""{_START}(?:(?P<prep>{_PREPS})\s+)?mid(?:\s*-\s*|\s+)(?:(?P<y>{_YEAR})|year){_END}""",
            _FLAGS,
        ),
        _on_mid,
    ),
    (
        re.compile(
            rf"""{_START}(?P<prep>{_PREPS})\s+mid(?:\s*-\s*|\s+)(?P<m>{_MONTH_RE})\.?
                 (?:\s*,?\s*(?P<y>{_YEAR}))?{_END}""",
            _FLAGS,
        ),
        _on_mid_month,
    ),
    (
        re.compile(
            rf"""{_START}(?:
                   (?:in|within|over|for|during|inside(?:\s+of)?)\s+(?:the\s+)?
                       (?:(?:next|coming|following)\s+)?(?P<n>\d{{1,4}}|{_NUMBER_WORD_RE})
                 | (?:the\s+)?(?:next|coming)\s+(?P<n2>\d{{1,4}}|{_NUMBER_WORD_RE})
                 )\s*-?\s*(?P<unit>days?|weeks?|months?|years?)(?:'s|')?(?:\s+(?:from\s+now|time))?{_END}""",
            _FLAGS,
        ),
        _on_duration,
    ),
    (
        re.compile(
            rf"""{_START}(?P<n>\d{{1,4}}|{_NUMBER_WORD_RE})\s+(?P<unit>days?|weeks?|months?|years?)
                 \s+from\s+now{_END}""",
            _FLAGS,
        ),
        _on_duration,
    ),
    (
        re.compile(
            rf"""{_START}(?:in|within|over|for|during)\s+the\s+(?:next|coming|following)\s+
                 (?P<unit>day|week|month|year){_END}""",
            _FLAGS,
        ),
        _on_duration,
    ),
    (
        re.compile(rf"{_START}(?:(?P<prep>{_PREPS})\s+)?(?P<d>{_unnamed(_DAY)}){_END}", _FLAGS),
        _on_day,
    ),
    (
        re.compile(rf"{_START}(?:(?P<prep>{_PREPS})\s+)?(?P<p>{_unnamed(_PERIOD)}){_END}", _FLAGS),
        _on_period,
    ),
)


def find_date_phrases(text: str, made_on: date) -> tuple[list[DatePhrase], str]:
    """Every date phrase in `text`, in order, and the text with them blanked out.

    Blanking (spaces of the same length) keeps positions stable for the
    stages after this one. Raises ClaimError for a date that cannot exist
    ("2026-13-45") rather than silently ignoring it.
    """
    found: list[DatePhrase] = []
    rest = text
    for pattern, handler in _PATTERNS:
        for match in list(pattern.finditer(rest)):
            phrase = handler(match, made_on)
            if phrase is None:
                continue
            start, end = phrase.span
            found.append(phrase)
            rest = rest[:start] + " " * (end - start) + rest[end:]
    _reject_malformed_days(rest)
    found.sort(key=lambda phrase: phrase.span[0])
    return found, rest


_MALFORMED_DAY = re.compile(r"(?<![\w.])\d{4}-\d{1,2}-\d{1,2}(?![\w])", re.ASCII)


def _reject_malformed_days(rest: str) -> None:
    """An ISO-looking date that no pattern accepted is a typo, not a price."""
    match = _MALFORMED_DAY.search(rest)
    if match:
        _resolve_day(match[0])


def parse_date_phrase(text: str, made_on: date) -> DatePhrase:
    """Exactly one deadline phrase, filling the whole of `text` (for structured fields).

    A bare year ("2026") is accepted here, read as "by 2026".
    """
    written = " ".join(text.split())
    if re.fullmatch(_YEAR, written):
        return parse_date_phrase(f"by {written}", made_on)
    phrases, rest = find_date_phrases(written, made_on)
    if len(phrases) != 1 or rest.strip():
        raise ClaimError(
            f"'{written}' is not a deadline: write a date like 2026-12-31, end-2026, Q3 2026"
            " or in 6 months"
        )
    return phrases[0]


def parse_period_start(text: str, made_on: date) -> date:
    """The first day of a day or period written on its own ("2026-10-01", "Q4 2026")."""
    written = " ".join(text.split())
    if _DAY_RE.fullmatch(written) or _PERIOD_RE.fullmatch(written):
        return _resolve_day_or_period(written, made_on).start
    raise ClaimError(f"'{written}' is not a start date: write a date like 2026-10-01 or Q4 2026")
