"""Preparing a sentence for reading: plain typography, rewrites, dates made explicit.

Every rewrite keeps the words a reader would see but puts them in the form
the claim language reads ("the second quarter of 2026" -> "Q2 2026"; a year
named earlier carried to a later "Q3"; "by March 31" -> its date).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ledger.claims import dates
from ledger.claims.dates import DatePhrase
from ledger.errors import ClaimError
from ledger.extract.both_periods import each_of_both
from ledger.extract.fx_forms import fx_forms
from ledger.extract.horizon_lists import each_horizon
from ledger.extract.number_words import thousands_in_digits
from ledger.extract.patterns import asset_words, direction_phrases, rewrite_rules
from ledger.extract.quarter_spans import quarter_spans
from ledger.extract.slash_lists import spaced_slashes
from ledger.extract.spelled_spans import spelled_spans
from ledger.extract.state import Context
from ledger.extract.wire_credits import is_wire_credit

# Look-alike characters replaced one for one, so positions stay put.
TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\uff04": "$",
        "\uff05": "%",
    }
)
_REWRITES = tuple((re.compile(p, re.IGNORECASE), r) for p, r in rewrite_rules.REWRITES)
_CASHTAG = re.compile(asset_words.CASHTAG)
_PAREN_TICKER = re.compile(asset_words.PARENTHESIZED_TICKER)
_SAME_PERIOD = re.compile(direction_phrases.SAME_PERIOD, re.IGNORECASE)
_QUARTER_OR_HALF = re.compile(r"\b([QH])([1-4])\b(?:\s+((?:19|20)\d\d)\b)?")
_YEAR = re.compile(r"(?<![\w$.,])((?:19|20)\d\d)(?![\w%])")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_DECADE_END = re.compile(
    r"\b(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+decade|decade(?:'s|\u2019s)\s+end)\b",
    re.IGNORECASE,
)
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b", re.IGNORECASE)
# "sees Brent averaging $73 in 2025 and expects it to finish the year below $70": a verb of
# ending on "the year" after a year named in the sentence ends that year
_END_THE_YEAR = re.compile(
    r"\b(?P<verb>(?:finish|end|close|wrap\s+up|conclude)(?:es|s|ed|ing)?)\s+the\s+year\b"
    r"(?![-\s]+end\b|\s+ahead\b|\s+to\s+come\b)",
    re.IGNORECASE,
)
# "could rise to $4,950 in 2026, with an average of $4,450 for the year": the year named
# before it (not "the year ahead", not "the year-end")
_FOR_THE_YEAR = re.compile(
    r"\b(?:for|over|across|during|through)\s+the\s+(?:full\s+|whole\s+|entire\s+)?"
    r"year\b(?![-\s]+end\b|\s+ahead\b|\s+to\s+come\b)",
    re.IGNORECASE,
)
_YEAR_LIST = re.compile(
    r"\b(?P<preposition>in|for|by)\s+(?:19|20)\d\d(?:\s*,\s*(?:19|20)\d\d)*,?\s+and\s+"
    r"(?:19|20)\d\d\b(?!\s*[-/])",
    re.IGNORECASE,
)
_ELIDED_PERIOD = re.compile(
    r"\b(?P<preposition>in|for|during)\s+the\s+(?P<ordinal>first|second|third|fourth)\b"
    r"(?!\s*(?:-|quarter|half|three|six|nine|week|month|year|time|place|round|day|of))",
    re.IGNORECASE,
)
_LEVEL_IN_LIST = re.compile(r"(?:US)?\$?\d[\d,]*(?:\.\d+)?")
_FOUR_QUARTERS = re.compile(
    r"(?P<levels>(?:(?:US)?\$?\d[\d,]*(?:\.\d+)?(?:,\s*|\s+and\s+|,\s+and\s+)){3}"
    r"(?:US)?\$?\d[\d,]*(?:\.\d+)?)\s+(?:in|for|over|through|across|during)\s+the\s+(?:four|4)"
    r"\s+quarters\s+of\s+"
    r"(?P<year>next\s+year|this\s+year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_THE_YEAR_END = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b|\byear[-\s]end\b(?!\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
_PERIOD_OF_YEAR = re.compile(r"\b([QH][1-4])\s+of\s+(next|this|the)\s+year\b", re.IGNORECASE)
# "by the middle of next year", "mid-next year": 30 June of the year after made_on's; "the
# middle of the year" is this year's (mid-year), never its end
_MIDDLE_OF_YEAR = re.compile(
    r"\b(?:(?:the\s+)?middle\s+of\s+|mid(?:\s*-\s*|\s+))(?:the\s+)?(?P<which>next|this|the|coming)"
    r"\s+year\b",
    re.IGNORECASE,
)
_MONTH_NAME = "|".join(sorted(dates.MONTHS, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?P<preposition>by|before|until|till|through|on)\s+(?P<month>{_MONTH_NAME})\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d:,.]\d)",
    re.IGNORECASE,
)
# "targets for March, June and September 2026": one level for several months of one year.
# Full month names only ("may" and "mar" in a list are words more often than months); not
# after "in" ("three Fed cuts, in September, October and December": when events happen).
_FULL_MONTH = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_MONTH_LIST = re.compile(
    rf"\b(?P<preposition>for|by|at)\s+(?:the\s+)?"
    rf"(?P<months>(?:{_FULL_MONTH})(?:\s*,\s*(?:{_FULL_MONTH}))*,?\s+and\s+(?:{_FULL_MONTH}))"
    r"\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/])",
    re.IGNORECASE,
)
_MONTH_OF_NEXT_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?:of\s+)?(?P<which>next|this)\s+year\b", re.IGNORECASE
)
# "by Christmas", "before Thanksgiving": dates the claim language does not name
_HOLIDAY = re.compile(
    r"\b(?P<preposition>by|before|until|till)\s+(?P<holiday>christmas|thanksgiving"
    r"|new\s+year's\s+eve|new\s+year's|new\s+year)(?:\s+day)?\b",
    re.IGNORECASE,
)

# "before President Trump leaves office", "by the end of Trump's current term": the day the
# sitting US president's term ends (20 January after the election year)
_PRESIDENT = (
    r"(?:(?:U\.?S\.?\s+)?President\s+)?(?:Donald\s+|Joe\s+|Barack\s+|J\.\s+)?"
    r"(?:Trump|Biden|Obama)"
)
_TERM_END = re.compile(
    rf"\b(?P<preposition>by|before|until|till)\s+(?:{_PRESIDENT}\s+(?:leaves|has\s+left"
    rf"|steps\s+down\s+from|is\s+out\s+of)\s+(?:the\s+)?(?:office|White\s+House)\b"
    rf"|the\s+end\s+of\s+{_PRESIDENT}(?:'s|\u2019s)\s+(?:(?:current|second|first|presidential"
    rf"|four-year)\s+)*(?:term|presidency)\b(?:\s+in\s+office)?)",
    re.IGNORECASE,
)


# "4 thousand 440 dollars", "5 thousand 55": a number as a machine translation writes
# Turkish "4 bin 440" or Japanese "5万5000"; the thousands and the rest are one number.
# Turkish writes the word itself ("4 bin 610 dolar", "5 BİN 400 DOLAR"): "bin" is read only
# between digits or before a currency word, where the English word cannot stand.
_SPELLED_THOUSANDS = re.compile(
    r"(?<![\d.,])(?P<thousands>\d{1,3})\s+(?:thousand|b[iİı]n(?=\s+(?:\d|dolar|dollar|\$)))"
    r"(?:\s+(?P<rest>\d{1,3}))?(?![\d,.]*\d)\b",
    re.IGNORECASE,
)
# A broadcaster's figures, thousands in words ("four-thousand-300", "the five-thousand
# mark", "one hundred fifty thousand dollars"): number_words.thousands_in_digits.
# Korean "4천610달러" ($4,610), "1만2000달러" ($12,000): 천 is a thousand, 만 ten thousand,
# 달러 the dollar written after the number.
_KOREAN_NUMBER = re.compile(
    r"(?<![\d.,])(?:(?P<myriads>\d{1,4})\s?만\s?)?(?:(?P<thousands>\d)\s?천\s?)?"
    r"(?P<rest>\d{1,4})?(?<=[\d만천])\s?(?P<won>달러)"
)
_KOREAN_UNITS = {"myriads": 10_000, "thousands": 1_000, "rest": 1}
# "yüzde 7", "1 prosent", "12 procent", "5 por ciento": a percentage in the words of another
# language, written "7%" so that it is read as a move (or left alone), never as a price.
_FOREIGN_PERCENT_BEFORE = re.compile(r"\by[uü]zde\s+(?P<number>\d+(?:[.,]\d+)?)\b", re.IGNORECASE)
_FOREIGN_PERCENT_AFTER = re.compile(
    r"(?<![\d.,])(?P<number>\d+(?:[.,]\d+)?)\s+(?:prosent|procent|prozent|por\s+ciento"
    r"|per\s+cento|pour\s+cent|pourcent)\b",
    re.IGNORECASE,
)
# "5.400 dolar", "4.900 dollari", "60 dólares": the dollar spelled in another language
_FOREIGN_DOLLAR = re.compile(
    r"(?<=\d)(?P<space>\s?)(?:dolar|dolares|d[óo]lares|dollari|dollaro|us-dollars?)\b",
    re.IGNORECASE,
)
# "$US5000", "$US 4,900": the Australian writer's order for US$
_DOLLAR_US = re.compile(r"\$US\s?(?=\d)")
# "US$ 56 and US$ 52" (Latin American copy): the sign written apart from its number
_US_DOLLAR_SPACED = re.compile(r"\bUS\$\s+(?=\d)")
# "in the mid-$50s", "the mid-$4,000s": the middle of the decade (or thousand) named.
# The sign is required: "in his mid-50s" is an age and "the mid-1990s" a decade of years.
_MID_DECADE = re.compile(r"\bmid[-\s]?\$(?P<number>\d{1,3}(?:,\d{3})*)s\b", re.IGNORECASE)
# "Rs 1.85 lakh", "2 crore": Indian numbering (a lakh is 100,000, a crore 10,000,000)
_INDIAN_NUMBER = re.compile(
    r"(?<![\d.,])(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>lakh|lac|crore)s?\b", re.IGNORECASE
)
_INDIAN_UNITS = {"lakh": 100_000, "lac": 100_000, "crore": 10_000_000}


# "$170.000", "US$ 4.900,50": the thousands point and decimal comma of Portuguese, Spanish,
# Italian or German prices. Only after a currency sign: a bare "1.165" is a euro's price.
_POINT_THOUSANDS = re.compile(
    r"(?P<currency>(?:US|U\.S\.|R|A|C|NZ|HK|S)?\$\s?|€\s?|£\s?|\bUSD\s?)"
    r"(?P<number>\d{1,3}(?:\.\d{3})+)(?P<decimals>,\d{1,2})?(?![\d]|[.,]\d)"
)
# "4.900 dollari", "5.400 dolar", "4.000 dollar pr. unse": the same point before a currency
# word written after the number, as the Italian, Turkish or Norwegian writer puts it.
_POINT_THOUSANDS_BEFORE_WORD = re.compile(
    r"(?<![\d.,$])(?P<number>\d{1,3}(?:\.\d{3})+)(?P<decimals>,\d{1,2})?"
    r"(?=\s*(?:dollars?|dolar|dolares|d[óo]lares|dollari|dollaro|us-dollars?|usd)\b)",
    re.IGNORECASE,
)
# Assets priced in the thousands: beside one, "$4.900" cannot be $4.90 to three places
# (as a gallon of gasoline, a pound of copper or a euro in dollars can be).
_PRICED_IN_THOUSANDS = re.compile(
    r"\b(?:gold|oro|ouro|or|gol[dt]|bitcoin|btc|ether|ethereum|eth|s&p|nasdaq|dow|ounces?"
    r"|onzas?|on[cç]as?|unzen?|oncia|once|unse|uns|nikkei|dax)\b",
    re.IGNORECASE,
)
# "7 500", "10 000 points": French, Polish or Russian thousands separated by a space.
_SPACE_THOUSANDS = re.compile(r"(?<![\d.,])(?P<number>\d{1,3}(?: \d{3})+)(?![\d]|[.,]\d)")
# "S&P 500 100 points": an index's name ends in a number that is not the first group.
_NUMBERED_NAME_BEFORE = re.compile(
    # ("top" as a name, "Top 40 ..."; not the verb: "gold will top 5 000 dollars")
    r"(?:s&p|nasdaq|ftse|stoxx|russell|(?<!will\s)(?<!\bto\s)(?<!could\s)(?<!might\s)"
    r"(?<!should\s)(?<!would\s)(?<!\bmay\s)(?<!\bcan\s)top|dax|cac|asx|nifty|sensex|nikkei|"
    rf"{_MONTH_NAME})\.?\s*$",
    re.IGNORECASE,
)


def _european_thousands(work: str) -> str:
    """ "$170.000" -> "$170,000", "7 500" -> "7,500": a thousands point or space as the
    English reader writes it, where it cannot be a decimal point or two numbers."""

    def point(match: re.Match[str]) -> str:
        number = match["number"]
        ambiguous = number.count(".") == 1 and len(number.split(".")[0]) == 1
        if ambiguous and not _PRICED_IN_THOUSANDS.search(work):
            return match[0]
        decimals = "." + match["decimals"][1:] if match["decimals"] else ""
        return match["currency"] + number.replace(".", ",") + decimals

    def pointed_before_word(match: re.Match[str]) -> str:
        number = match["number"]
        ambiguous = number.count(".") == 1 and len(number.split(".")[0]) == 1
        if ambiguous and not _PRICED_IN_THOUSANDS.search(work):
            return match[0]
        decimals = "." + match["decimals"][1:] if match["decimals"] else ""
        return number.replace(".", ",") + decimals

    def space(match: re.Match[str]) -> str:
        if _NUMBERED_NAME_BEFORE.search(work, 0, match.start()):
            return match[0]
        return match["number"].replace(" ", ",")

    work = _POINT_THOUSANDS_BEFORE_WORD.sub(pointed_before_word, _POINT_THOUSANDS.sub(point, work))
    return _SPACE_THOUSANDS.sub(space, work)


def _spelled_numbers(work: str) -> str:
    """Numbers written in words around digits as one figure: "4 thousand 440" -> "4,440",
    "3 thousand" -> "3,000", "Rs 1.85 lakh" -> "Rs 185,000"."""

    def thousands(match: re.Match[str]) -> str:
        rest = int(match["rest"]) if match["rest"] else 0
        return f"{int(match['thousands']) * 1000 + rest:,}"

    def indian(match: re.Match[str]) -> str:
        value = round(float(match["number"]) * _INDIAN_UNITS[match["unit"].lower()])
        return f"{value:,}"

    def korean(match: re.Match[str]) -> str:
        value = sum(int(match[unit]) * size for unit, size in _KOREAN_UNITS.items() if match[unit])
        return f"${value:,}"

    def mid_decade(match: re.Match[str]) -> str:
        decade = int(match["number"].replace(",", ""))
        zeros = len(str(decade)) - len(str(decade).rstrip("0"))
        if zeros == 0:
            return match[0]
        return f"${decade + 10**zeros // 2:,}"

    if "달러" in work:  # the pattern tries every position: only where the won sign is
        work = _KOREAN_NUMBER.sub(korean, work)
    work = _FOREIGN_PERCENT_BEFORE.sub(lambda m: m["number"].replace(",", ".") + "%", work)
    work = _FOREIGN_PERCENT_AFTER.sub(lambda m: m["number"].replace(",", ".") + "%", work)
    work = thousands_in_digits(work)
    work = _SPELLED_THOUSANDS.sub(thousands, _european_thousands(work))
    work = _FOREIGN_DOLLAR.sub(lambda m: f"{m['space']}dollars", work)
    work = _US_DOLLAR_SPACED.sub("US$", _DOLLAR_US.sub("US$", work))
    work = _MID_DECADE.sub(mid_decade, work)
    return _INDIAN_NUMBER.sub(indian, work)


# "$56 this year and $54 next", "this year and next": "next" alone is next year
_THIS_YEAR = re.compile(r"\bthis\s+year\b", re.IGNORECASE)
_BARE_NEXT = re.compile(
    r"\bnext\b(?=\s*(?:[,.;)]|$|and\b|but\b|against\b|versus\b))", re.IGNORECASE
)


def _elided_next_year(work: str) -> str:
    """ "Brent to average $56 this year and $54 next": the "next" after "this year" is next
    year, a rung of the ladder of its own."""
    this_year = _THIS_YEAR.search(work)
    if this_year is None:
        return work
    head, tail = work[: this_year.end()], work[this_year.end() :]
    return head + _BARE_NEXT.sub(lambda match: f"{match[0]} year", tail)


def _middle_of_year(match: re.Match[str], made_on: date) -> str:
    if match["which"].lower() in ("next", "coming"):
        return f"mid-{made_on.year + 1}"
    return "mid-year"


def article_tickers(text: str) -> frozenset[str]:
    """Upper-case tickers the article itself marks as tickers: "$NVDA", "(NASDAQ: NVDA)"."""
    return frozenset(m["ticker"] for m in _CASHTAG.finditer(text)) | frozenset(
        m["ticker"]
        for m in _PAREN_TICKER.finditer(text)
        if not is_wire_credit(text, m.start(), m.end())  # "(AOF) - Gold eased ..."
    )


# Within this many days of 31 December, "by year-end" means the end of the coming year.
YEAR_END_DAYS_AWAY = 7


def prepare(
    text: str, made_on: date, earlier_year: int | None = None, *, item: bool = False
) -> str:
    """The sentence as the claim language reads it; `earlier_year` is a year after made_on's
    that the sentence before named, for a yearless quarter or half here ("Morgan Stanley
    sees $60 in 2026. Its strategist expects $55 in the second half": of 2026). In a list's
    `item` it is the year of the list ("Gold forecasts for 2026:" then "- JPMorgan: $5,055
    at year-end": the end of 2026)."""
    work = fx_forms(_elided_next_year(_spelled_numbers(text.translate(TYPOGRAPHY))))
    work = spelled_spans(work)  # "zero-to-three-month" -> "0-3 month"
    work = each_horizon(work)  # "its 3-, 6- and 12-month forecasts to $2,300, $2,500 and $2,600"
    for pattern, replacement in _REWRITES:
        work = pattern.sub(replacement, work)
    work = spaced_slashes(work)  # "Brent/WTI averages of $58/$54": two assets, two levels
    # "the second to fourth quarters of 2026": through Q4 2026 ("the second and third
    # quarters", no year: of the year before's sentence, else of this year while ahead)
    later_year = earlier_year if earlier_year and earlier_year > made_on.year else None
    work = quarter_spans(work, made_on, later_year)
    work = each_of_both(work)  # "1.20 in both 4Q26 and 1Q27": a call for each quarter
    # "$NVDA" -> " NVDA": same length, and the ticker is then read like any other.
    work = _CASHTAG.sub(lambda m: " " + m["ticker"], work)
    # "December next year" -> "December 2026": the month of that year, not the coming one
    if "year" in work.lower():  # the month alternation is slow to try everywhere
        work = _MONTH_OF_NEXT_YEAR.sub(lambda m: _month_of_year(m, made_on), work)
    # "Q1 of next year" -> "Q1 2026": one period, not a quarter and a year read apart
    work = _PERIOD_OF_YEAR.sub(
        lambda m: f"{m[1]} {made_on.year + (1 if m[2].lower() == 'next' else 0)}", work
    )
    work = _MIDDLE_OF_YEAR.sub(lambda m: _middle_of_year(m, made_on), work)
    work = _YEAR_LIST.sub(_each_year, work)
    work = _MONTH_LIST.sub(_each_month_end, work)
    work = _that_year(work)
    work = _for_the_year(work, made_on, earlier_year)
    work = _end_the_year(work, made_on)
    # "70,000 by the end of the decade", "by the decade's end": the last year of this decade
    decade_end = made_on.year - made_on.year % 10 + 9
    work = _DECADE_END.sub(f"the end of {decade_end}", work)
    work = _elided_periods(work)
    work = _FOUR_QUARTERS.sub(lambda m: _each_quarter(m, made_on), work)
    work = _DAY_OF_MONTH.sub(lambda m: _dated(m, made_on), work)
    work = _HOLIDAY.sub(lambda m: f"{m['preposition']} {_holiday(m['holiday'], made_on)}", work)
    work = _TERM_END.sub(lambda m: f"{m['preposition']} {_term_end(made_on)}", work)
    work = _carry_years(work, made_on, earlier_year)
    if item and earlier_year and earlier_year > made_on.year:
        work = _year_end_of_the_list(work, made_on, earlier_year)
    return work


def _year_end_of_the_list(work: str, made_on: date, year: int) -> str:
    """ "- JPMorgan: $5,055 at year-end" under "Gold forecasts for 2026:": the list's year.

    A row of a list that names the year it forecasts says "year-end", "the end of the
    year" or "mid-year" of that year, the way its other rows say "2026"; read from the day
    of writing it would be the year under way, a call often days from its deadline. A row
    that names a year of its own, or counts from today ("this year", "next year"), keeps it.
    """
    if _YEAR.search(work) or _YEAR_FROM_TODAY.search(work):
        return work
    work = _MID_YEAR.sub(f"mid-{year}", work)
    return _THE_YEAR_END.sub(
        lambda match: (
            f"year-end {year}" if match[0].lower().startswith("year") else f"the end of {year}"
        ),
        work,
    )


_MID_YEAR = re.compile(r"\bmid[-\s]?year\b(?![-\s]*end)", re.IGNORECASE)


def _month_of_year(match: re.Match[str], made_on: date) -> str:
    """ "December next year" -> "December 2026"; "may next year" is a verb, left alone."""
    if match["month"] == "may":
        return match[0]
    year = made_on.year + (1 if match["which"].lower() == "next" else 0)
    return f"{match['month']} {year}"


def _that_year(work: str) -> str:
    """ "$5,000 in the first three quarters of 2026, before easing to $4,800 at the end of
    that year": "that year" is the year named last before it."""
    pieces = []
    last = 0
    for match in _THAT_YEAR.finditer(work):
        years = _YEAR.findall(work, 0, match.start())
        if years:
            pieces.append(work[last : match.start()] + years[-1])
            last = match.end()
    return "".join(pieces) + work[last:]


def _end_the_year(work: str, made_on: date) -> str:
    """ "averaging $73 in 2025 and ... finish the year below $70": "the year" a verb of ending
    names is the year named last before it in the sentence, when that is made_on's year or
    later (as for "for the year" below)."""
    pieces = []
    last = 0
    for match in _END_THE_YEAR.finditer(work):
        years = _YEAR.findall(work, 0, match.start())
        if years and int(years[-1]) >= made_on.year:
            pieces.append(f"{work[last : match.start()]}{match['verb']} {years[-1]}")
            last = match.end()
    return "".join(pieces) + work[last:]


def _for_the_year(work: str, made_on: date, earlier_year: int | None = None) -> str:
    """ "$4,950 in 2026, with an average of $4,450 for the year": "for the year" is the
    year named last before it, when that is made_on's year or later (a past year named
    before it is history, and "the year" is then the one under way)."""
    pieces = []
    last = 0
    for match in _FOR_THE_YEAR.finditer(work):
        years = _YEAR.findall(work, 0, match.start())
        if years and int(years[-1]) >= made_on.year:
            # "in 2026": the claim language's words for a year's period (as the rewrites
            # above turn "for 2026" into)
            pieces.append(f"{work[last : match.start()]}in {years[-1]}")
            last = match.end()
        elif not years and re.match(r"\w+\s+the\s+(?:full|whole|entire)\s", match[0]):
            # "to average $5,000 for the full year", no year named: the later year the
            # sentence before named ("In their 2026 forecast ... For the full year they see
            # gold averaging $4,550"), else the year under way
            pieces.append(f"{work[last : match.start()]}in {earlier_year or made_on.year}")
            last = match.end()
    return "".join(pieces) + work[last:]


def _each_year(match: re.Match[str]) -> str:
    """ "forecasts in 2026 and 2027" -> "in 2026 and in 2027": each year a period of its own,
    for "... to $44.50 and $40, respectively" to pair them in order."""
    preposition = match["preposition"]
    years = re.findall(r"(?:19|20)\d\d", match[0])
    listed = ", ".join(f"{preposition} {year}" for year in years[:-1])
    return f"{listed} and {preposition} {years[-1]}"


def _each_month_end(match: re.Match[str]) -> str:
    """ "for March, June and September 2026" -> "for end-March 2026, end-June 2026 and
    end-September 2026": a target for a month is where the price stands when it ends, and
    each month is a deadline of its own, for the extractor to give the one level to each."""
    months = re.findall(_FULL_MONTH, match["months"], re.IGNORECASE)
    year = match["year"]
    ends = [f"end-{month} {year}" for month in months]
    return f"{match['preposition']} {', '.join(ends[:-1])} and {ends[-1]}"


def _elided_periods(work: str) -> str:
    """ "$79.62 in Q1, $90.56 in the second and $75.45 in the third": Q2 and Q3.

    After a quarter (or half) is named, "in the second" with no noun is the
    next period of the same kind: the writer leaves the noun out of a ladder.
    """
    first = _QUARTER_OR_HALF.search(work)
    if first is None:
        return work
    kind = first[1]
    last = 2 if kind == "H" else 4

    def period(match: re.Match[str]) -> str:
        number = _ORDINALS[match["ordinal"].lower()]
        return match[0] if number > last else f"{match['preposition']} {kind}{number}"

    return work[: first.end()] + _ELIDED_PERIOD.sub(period, work[first.end() :])


def _each_quarter(match: re.Match[str], made_on: date) -> str:
    """ "$66, $65, $64 and $63 in the four quarters of next year": each level its quarter."""
    levels = _LEVEL_IN_LIST.findall(match["levels"])
    if len(levels) != 4:
        return match[0]
    when = match["year"].lower()
    year = (
        made_on.year + 1
        if when == "next year"
        else made_on.year
        if when == "this year"
        else int(when)
    )
    rungs = [f"{level} in Q{number} {year}" for number, level in enumerate(levels, start=1)]
    return ", ".join(rungs[:3]) + " and " + rungs[3]


def _holiday(name: str, made_on: date) -> str:
    """The next Christmas, (US) Thanksgiving or New Year's Eve after made_on, as a date."""
    key = name.lower()
    for year in (made_on.year, made_on.year + 1):
        if key.startswith("christmas"):
            day = date(year, 12, 25)
        elif key.startswith("thanksgiving"):
            first = date(year, 11, 1)
            day = date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)  # the fourth Thursday
        else:
            day = date(year, 12, 31)
        if day > made_on:
            return day.isoformat()
    return date(made_on.year + 1, 12, 31).isoformat()


def _term_end(made_on: date) -> str:
    """The end of the US presidential term running on made_on: 20 January of the year after
    a presidential election (years 1 mod 4), the first such day after made_on."""
    year = made_on.year + (1 - made_on.year) % 4
    if date(year, 1, 20) <= made_on:
        year += 4
    return date(year, 1, 20).isoformat()


def _dated(match: re.Match[str], made_on: date) -> str:
    """ "by March 31" -> "by 2026-03-31" (the next such day); "on Oct 6" (an event) -> ""."""
    if match["preposition"].lower() == "on":
        return ""
    month = dates.MONTHS[match["month"].lower().rstrip(".")]
    day = int(match["day"])
    for year in (made_on.year, made_on.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return match[0]
        if when > made_on:
            return f"{match['preposition']} {when.isoformat()}"
    return match[0]


def _carry_years(work: str, made_on: date, earlier_year: int | None = None) -> str:
    """A year named earlier in the sentence carries forward to a later yearless period.

    "in Q2 2026 and $4,000 in Q3" means Q3 2026; "in Q1 2026 before ... by the
    end of the year" means the end of 2026. A quarter or half carries the year
    only if it comes later in that year; "the end of the year" only after a
    year later than made_on's (else the claim language's reading is the same).
    """
    pieces: list[str] = []
    last = 0
    rung: tuple[str, int, int] | None = None  # the last yearless period: kind, number, year
    for match in _QUARTER_OR_HALF.finditer(work):
        if match[3]:
            rung = None
            continue
        kind, number = match[1], int(match[2])
        named = _year_before(work, match.start(), made_on)
        if named and (named[1] is None or number > named[1]):
            pieces.append(work[last : match.end()] + f" {named[0]}")
            last = match.end()
            rung = None
        elif (
            rung and rung[0] == kind and rung[1] < number and _coming_year(match, made_on) < rung[2]
        ):
            # "$70 in Q3 and $75 in Q4", written in November: a ladder climbs, so Q4 is the
            # one after next year's Q3, not the quarter under way
            pieces.append(work[last : match.end()] + f" {rung[2]}")
            last = match.end()
            rung = (kind, number, rung[2])
        elif (
            earlier_year
            and earlier_year > made_on.year
            and not _YEAR.search(work)
            and not _YEAR_FROM_TODAY.search(work)
        ):
            # "... $51 for 2026. Henry Hub ... $3.70 in the fourth quarter and $4.30 next
            # year": a sentence that counts its own years from made_on ("next year") puts its
            # bare quarter in made_on's year, not in the year the sentence before named
            pieces.append(work[last : match.end()] + f" {earlier_year}")
            last = match.end()
            rung = None
        else:
            rung = (kind, number, _coming_year(match, made_on))
    work = "".join(pieces) + work[last:]
    work = _full_year_named(work, made_on, earlier_year)
    later = [m for m in _YEAR.finditer(work) if int(m[1]) > made_on.year]
    if not later and made_on >= date(made_on.year, 12, 31) - timedelta(days=YEAR_END_DAYS_AWAY):
        # "expects USD/JPY to break 158 by year-end", written on 30 December: a call for the
        # year's last day or two is no call; the year-end meant is the coming one
        coming = made_on.year + 1
        return _THE_YEAR_END.sub(
            lambda match: (
                f"year-end {coming}"
                if match[0].lower().startswith("year")
                else f"the end of {coming}"
            ),
            work,
        )
    if not later:
        return work

    def with_year(match: re.Match[str]) -> str:
        before = [m[1] for m in later if m.start() < match.start()]
        if not before:
            return match[0]
        if match[0].lower().startswith("year"):
            return f"year-end {before[-1]}"
        return f"the end of {before[-1]}"

    return _THE_YEAR_END.sub(with_year, work)


def _coming_year(period: re.Match[str], made_on: date) -> int:
    """The year of the coming quarter or half a yearless "Q3" or "H2" names: made_on's own
    while the period has not ended, else the next (as the claim language reads it)."""
    months = 3 if period[1] == "Q" else 6
    last_month = int(period[2]) * months
    return made_on.year if made_on.month <= last_month else made_on.year + 1


_YEAR_FROM_TODAY = re.compile(r"\b(?:next|this|coming)\s+year\b", re.IGNORECASE)
# "for the full year", "the year as a whole", "for the whole year": the year the text is on
_THE_FULL_YEAR = re.compile(
    r"\b(?:(?:for|over|in)\s+)?the\s+(?:(?:full|whole|entire)\s+year"
    r"|year\s+as\s+a\s+whole)\b",
    re.IGNORECASE,
)


def _full_year_named(work: str, made_on: date, earlier_year: int | None) -> str:
    """ "For the full year they see gold averaging $4,550": the year the text is about.

    A report on next year's outlook written in December says "the full year" or "the year
    as a whole" of the year it forecasts, named earlier in the sentence ("$60 in the fourth
    quarter of 2026 ... and $56.3 for the year as a whole") or in the sentence before ("BMO
    expects gold to average $4,600 in the first half of 2026. For the full year ..."), not
    of the year it was written in. Only a year after made_on's is carried; with none the
    phrase is left as the claim language reads it.
    """

    def named(match: re.Match[str]) -> str:
        before = [m for m in _YEAR.finditer(work, 0, match.start()) if int(m[1]) > made_on.year]
        if before:
            year = before[-1][1]
        elif (
            earlier_year
            and earlier_year > made_on.year
            and not _YEAR.search(work)
            and not _YEAR_FROM_TODAY.search(work)
        ):
            year = str(earlier_year)
        else:
            return match[0]
        return f"in {year}"  # the claim language's words for a year's period

    return _THE_FULL_YEAR.sub(named, work)


def _year_before(work: str, position: int, made_on: date) -> tuple[str, int | None] | None:
    """The last year named before `position` (with its quarter or half, if it had one).

    A bare year counts only if it is after made_on's year ("in 2026, and ... in
    the fourth quarter"): for made_on's own year the claim language's reading of
    a yearless quarter is already the coming one.
    """
    best: tuple[int, str, int | None] | None = None
    for match in _QUARTER_OR_HALF.finditer(work, 0, position):
        if match[3]:
            best = (match.start(), match[3], int(match[2]))
    for match in _YEAR.finditer(work, 0, position):
        if int(match[1]) > made_on.year and (best is None or match.start() > best[0]):
            inside_period = any(
                q.start() <= match.start() < q.end() for q in _QUARTER_OR_HALF.finditer(work)
            )
            if not inside_period:
                best = (match.start(), match[1], None)
    return (best[1], best[2]) if best else None


def date_phrases(work: str, made_on: date) -> list[DatePhrase]:
    try:
        phrases, _ = dates.find_date_phrases(work, made_on)
    except ClaimError:
        return []  # an impossible date ("2026-13-45") in the sentence: read no deadline from it
    return phrases


def with_same_period(
    work: str, phrases: list[DatePhrase], made_on: date, context: Context
) -> tuple[str, list[DatePhrase]]:
    """ "over the same period" → the period named before it, here or in the last sentence."""
    match = _SAME_PERIOD.search(work)
    if match is None:
        return work, phrases
    earlier = [p for p in phrases if p.span[1] <= match.start() and p.deadline > made_on]
    pointed = earlier[-1].text if earlier else context.last_period
    if pointed is None:
        return work, phrases
    work = work[: match.start()] + pointed + work[match.end() :]
    return work, date_phrases(work, made_on)
