"""The article's date when the user gives none (issue 11): datelines, bylines, the URL.

Relative deadlines ("by year-end", "next year", "in 12 months") are counted
from the article's date, so reading it wrong moves every such call. These
tests pin the forms a page writes its own date in, the dates that are not
the page's own (a forecast's deadline, an event the body reports), the date
in a URL and which of two disagreeing dates wins, with the reason shown.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.extract import extract_article
from ledger.extract.article import find_dateline
from ledger.extract.article_date import DateSource, article_date, date_in_url

TODAY = date(2026, 12, 6)
DAY = date(2025, 11, 14)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _month(day: date, *, short: bool = False, dot: bool = False) -> str:
    name = MONTH_NAMES[day.month - 1]
    if not short or len(name) <= 4:
        return name
    return name[:3] + ("." if dot else "")


def _clock() -> str:
    return "10:32 AM ET"


# Each form renders a day the way a page writes its own date; the body follows.
FORMS = {
    "wire": lambda d: f"NEW YORK, {_month(d, short=True)} {d.day} (Reuters) - Gold rose.",
    "published": lambda d: f"Published {d.day} {_month(d)} {d.year}",
    "month-dot-clock": lambda d: f"{_month(d, short=True, dot=True)} {d.day}, {d.year} {_clock()}",
    "updated-iso": lambda d: f"Updated: {d.isoformat()}",
    "dotted-european": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "byline-pipe": lambda d: f"By Jane Doe | {_month(d)} {d.day}, {d.year}",
    "social-post": lambda d: f"2:15 PM · {_month(d, short=True)} {d.day}, {d.year}",
    "us-slashes": lambda d: f"Posted {d.month}/{d.day}/{d.year}",
    "location-parenthesis": lambda d: f"NEW YORK ({_month(d)} {d.day}) After two years, gold rose.",
    "weekday-first": lambda d: f"{d:%A}, {_month(d)} {d.day}, {d.year}",
}


# Forms that write no year: the last such day on or before today, when the text gives no clue.
YEARLESS = frozenset(("wire", "location-parenthesis"))


def _article(head: str) -> str:
    return f"Gold outlook for the year ahead\n\n{head}\n\nUBS expects gold to reach $5,000 soon."


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_dateline_form_reads_its_day(form: str) -> None:
    day = date(2026, 11, 14) if form in YEARLESS else DAY
    found = article_date(_article(FORMS[form](day)), today=TODAY)
    assert found.source is DateSource.DATELINE
    assert found.day == day, found.why


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    form=st.sampled_from(sorted(FORMS)),
    day=st.dates(min_value=date(2000, 1, 1), max_value=TODAY),
)
def test_a_random_day_in_each_form_reads_back_equal(form: str, day: date) -> None:
    if form in YEARLESS and day < TODAY - timedelta(days=300):
        day = TODAY - timedelta(days=(day.toordinal() % 300))  # a yearless form: the last year
    found = article_date(_article(FORMS[form](day)), today=TODAY)
    assert (found.source, found.day) == (DateSource.DATELINE, day), found.why


DEADLINE_WORDS = (
    *("by", "until", "before", "through", "no later than", "ahead of", "by the end of"),
    *("on", "as soon as", "around"),
)
FORECAST_SHAPES = (
    "{who} expects gold to reach ${level:,} {word} {when}.",
    "{who} sees bitcoin at ${level:,} {word} {when}, its strategists said.",
    "Gold could hit ${level:,} {word} {when}, according to {who}.",
    "{who}: silver to ${level} {word} {when}",
)
WHEN_FORMS = (
    lambda d: f"{_month(d)} {d.day}, {d.year}",
    lambda d: f"{d.day} {_month(d)} {d.year}",
    lambda d: f"{_month(d, short=True, dot=True)} {d.day}, {d.year}",
    lambda d: d.isoformat(),
)


@settings(max_examples=80, deadline=None)
@given(
    shape=st.sampled_from(FORECAST_SHAPES),
    who=st.sampled_from(("UBS", "Goldman Sachs", "Citi", "Jane Doe of ING")),
    level=st.integers(min_value=10, max_value=200_000),
    word=st.sampled_from(DEADLINE_WORDS),
    when=st.sampled_from(WHEN_FORMS),
    day=st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)),
    headline=st.booleans(),
)
def test_a_forecast_sentence_never_yields_a_dateline(
    shape: str, who: str, level: int, word: str, when, day: date, headline: bool
) -> None:
    sentence = shape.format(who=who, level=level, word=word, when=when(day))
    text = f"{sentence}\n\nThe metal rose." if headline else f"Gold outlook\n\n{sentence}"
    assert find_dateline(text, TODAY) is None
    found = article_date(text, today=TODAY)
    assert found.source is DateSource.TODAY and found.day == TODAY


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gold to $5,000 by November 14, 2026\n\nUBS said so.", id="deadline-headline"),
        pytest.param(
            "Gold outlook\n\nAs of January 1, 2024 gold traded at $2,042 an ounce.", id="as-of-data"
        ),
        pytest.param(
            "Silver outlook\n\nSilver has held above support since February 7, 2021, after bulls"
            " failed to break out.",
            id="since-event",
        ),
        pytest.param(
            "Survey\n\nAnalysts sent their forecasts by close of business on 13 January 2025.",
            id="by-close-of-business",
        ),
    ],
)
def test_dates_in_forecasts_and_reports_are_not_datelines(text: str) -> None:
    assert find_dateline(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gold at a record\n\nJanuary 1, 2024 = $2,042\nJanuary 1, 2025 = $2,625",
            id="data-points",
        ),
        pytest.param("Gold prices\n\n| 2025-11-14 | 4,100 | 4,150 |", id="table-row"),
        pytest.param(
            "Survey\n\nAnalysts sent their forecasts by close of business on 13 January 2025.",
            id="deadline-then-on",
        ),
    ],
)
def test_data_and_deadlines_give_no_date_at_all(text: str) -> None:
    assert article_date(text, today=TODAY).source is DateSource.TODAY


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("As of January 1, 2026 gold traded around $4,362 an ounce.", date(2026, 1, 1)),
        (
            "Deutsche Bank stood by that mark on 2 February 2026, despite the pullback.",
            date(2026, 2, 2),
        ),
        ("Analysts sent forecasts by the close of business on 13 January 2025.", None),
    ],
)
def test_reported_days_as_of_and_after_by(opening: str, day: date | None) -> None:
    """'As of' dates a data point the page reports; 'by' is a deadline only as 'by the end'
    or 'by the close', not in 'stood by that mark'."""
    found = article_date(f"Gold\n\n{opening}", today=TODAY)
    if day is None:
        assert found.source is DateSource.TODAY
    else:
        assert (found.source, found.day) == (DateSource.REPORTED, day), found.why


def test_the_published_day_beats_an_update_written_first() -> None:
    text = "Gold outlook\n\nUpdated: 2025-11-16 | Published: 2025-11-14\n\nUBS sees $5,000."
    assert article_date(text, today=TODAY).day == DAY


def test_the_day_the_opening_reports_is_a_weak_reading_named_as_such() -> None:
    text = (
        "Silver outlook\n\nOn December 26, 2025 spot silver hit $79.11 an ounce, and"
        " analysts now see $100 next year."
    )
    found = article_date(text, today=TODAY)
    assert found.source is DateSource.REPORTED
    assert found.day == date(2025, 12, 26)
    assert "no dateline" in found.why and "On December 26, 2025" in found.why


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.cnbc.com/2009/11/18/gold-could-hit-1400.html", date(2009, 11, 18)),
        ("https://www.kitco.com/news/off-the-wire/2025-10-08/hsbc-raises", date(2025, 10, 8)),
        ("https://www.forexlive.com/centralbank/usdjpy-mufg-20240822/", date(2024, 8, 22)),
        ("https://www.fxstreet.com/news/forecast-commerzbank-202506131153", date(2025, 6, 13)),
        ("https://www.currencynews.co.uk/forecast/20250810-43755_euro.html", date(2025, 8, 10)),
        ("https://beyazgazete.com/haber/2025/12/8/altin-2026.html", date(2025, 12, 8)),
        ("https://example.com/story?id=7&date=2025-11-14", date(2025, 11, 14)),
        ("https://example.com/story?date=20251114", date(2025, 11, 14)),
        ("https://www.fibogroup.mx/analisis/es_GOLD-2026-01-26", date(2026, 1, 26)),
        ("https://www.rigzone.com/news/natgas-25-nov-2025-182384-article/", date(2025, 11, 25)),
        ("https://example.com/news/gold-hits-record-14-november-2025", date(2025, 11, 14)),
    ],
)
def test_a_date_in_the_url(url: str, day: date) -> None:
    found = date_in_url(url)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "url",
    [
        "https://www.wallstreet-online.de/nachricht/20547339-goldman-sachs",  # an id, not a day
        "https://grafa.com/en/news/ubs-sees-silver-rally-reaching-triple-digits-in-2026",
        "https://phemex.com/news/article/wall-street-xrp-could-hit-8-by-2026-49646",
        "https://example.com/gold-to-5000-by-2026-12-31",  # a deadline in the slug
        "https://www.binance.bh/en/square/post/35919345100913",
        "https://example.com/2025/13/40/not-a-day",
        "https://example.com/news/gold-records-for-2026-05-02-2026",  # year, then 05.02.2026
    ],
)
def test_no_date_in_the_url(url: str) -> None:
    assert date_in_url(url) is None


@pytest.mark.parametrize(
    ("url", "month"),
    [
        ("https://www.finqura.com/2025/10/ethereum-experts-eye-10k-target.html", (2025, 10)),
        ("https://finanznachrichten.de/nachrichten-2024-10/63485214-gold-futures.htm", (2024, 10)),
        ("https://www.businessinsider.com.au/tom-lee-hikes-sp-500-target-2013-11", (2013, 11)),
    ],
)
def test_a_month_in_the_url_is_read_as_its_middle(url: str, month: tuple[int, int]) -> None:
    found = date_in_url(url)
    assert found is not None and found.month_only
    assert found.day == date(*month, 15)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/outlook-for-2026-1.html", "https://example.com/gold-by-2026-06/"],
)
def test_a_period_in_the_slug_is_no_month(url: str) -> None:
    assert date_in_url(url) is None


def test_a_day_the_opening_reports_beats_a_month_in_the_url() -> None:
    text = "Gold\n\nThe EIA's outlook, released on October 8, sees gold at $5,000 by year-end."
    found = article_date(text, today=TODAY, url="https://x.com/2025/10/eia-gold.html")
    assert (found.source, found.day) == (DateSource.REPORTED, date(2025, 10, 8)), found.why
    found = article_date("Gold rose.", today=TODAY, url="https://x.com/2025/10/eia-gold.html")
    assert (found.source, found.day) == (DateSource.URL, date(2025, 10, 15))
    assert "no day written" in found.why


def test_a_month_in_the_url_beats_a_reported_day_outside_it() -> None:
    text = "Crypto\n\nThe market lost $100 billion on January 24, and ether fell to $2,400."
    found = article_date(text, today=TODAY, url="https://x.com/2022/02/crypto.html")
    assert (found.source, found.day) == (DateSource.URL, date(2022, 2, 15)), found.why


def test_the_url_date_is_used_when_the_text_has_none_and_says_so() -> None:
    text = "UBS sees gold at $5,000\n\nUBS expects gold to reach $5,000 by year-end."
    found = article_date(text, today=TODAY, url="https://x.com/2025/11/14/ubs-gold")
    assert (found.source, found.day) == (DateSource.URL, DAY)
    assert "URL" in found.why and "2025/11/14" in found.why


def test_a_dateline_beats_the_url_and_the_reason_names_both() -> None:
    text = "UBS sees gold at $5,000\n\nNovember 14, 2025\n\nUBS expects gold at $5,000 by year-end."
    found = article_date(text, today=TODAY, url="https://x.com/2025/11/13/ubs-gold")
    assert (found.source, found.day) == (DateSource.DATELINE, DAY)
    assert "2025-11-13" in found.why and "URL" in found.why


def test_the_page_date_beats_a_dateline_and_the_reason_names_both() -> None:
    text = "UBS sees gold at $5,000\n\nNovember 13, 2025\n\nUBS expects gold at $5,000 by year-end."
    found = article_date(text, today=TODAY, published=DAY)
    assert (found.source, found.day) == (DateSource.PAGE, DAY)
    assert "the dateline 'November 13, 2025' says 2025-11-13" in found.why


def test_the_url_gives_a_yearless_dateline_its_year() -> None:
    text = "Oct 8 (Reuters) - HSBC lifted its silver forecast."
    url = "https://www.kitco.com/news/off-the-wire/2025-10-08/hsbc"
    assert article_date(text, today=TODAY, url=url).day == date(2025, 10, 8)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param(
            "Nov 26 (Reuters) - Deutsche Bank on Wednesday lifted its 2026 gold forecast to"
            " $4,450 an ounce. Below are forecasts for 2025 and 2026.",
            date(2025, 11, 26),
            id="weekday-and-years",
        ),
        pytest.param(
            "Nov 28 (Reuters) - Oil prices will stay under pressure in 2026, a Reuters poll"
            " showed on Friday.",
            date(2025, 11, 28),
            id="poll-on-friday",
        ),
        pytest.param(
            "LONDON, Dec 7 (Reuters) - Gold, which hit a record on Tuesday, is expected to stay"
            " supported in 2011.",
            date(2010, 12, 7),
            id="old-factbox",
        ),
        pytest.param(
            "Nov 25 (Reuters) - JPMorgan on Monday put Brent at $57 a barrel in 2027, and left"
            " its 2026 forecasts unchanged; demand grows in 2025.",
            date(2025, 11, 25),
            id="wire-names-the-day-before",
        ),
        pytest.param(
            "Jan 18 (Reuters) - Goldman Sachs expects oil to reach $100 in the second half of"
            " the year, it said in a note dated Monday. Its 2023 forecast is $105.",
            date(2022, 1, 18),
            id="early-in-the-year",
        ),
        pytest.param(
            "NEW YORK (October 29) Delegates at the 2025 conference see gold near $5,000 in 2026.",
            date(2025, 10, 29),
            id="place-and-parenthesis",
        ),
        pytest.param(
            "LONDON, Nov 20 (Reuters) - Citi expects gold to reach $5,000 this year.",
            date(2026, 11, 20),
            id="no-clue-last-such-day",
        ),
    ],
)
def test_a_yearless_dateline_takes_the_year_its_text_fits(text: str, day: date) -> None:
    found = article_date(text, today=TODAY)
    assert found.day == day, found.why


@pytest.mark.parametrize(
    "head",
    [
        "New Delhi, December 10 -- Domestic brokerage Kotak sees the Nifty at 32,000.",
        "TOKYO, Dec 10: Japan's Nikkei share average will probably gain.",
        "Baku, December 10. The US Department of Energy has lifted its forecast.",
        "Felicia Tan, December 10 18:38",
        "Dec. 10 at 9:05 PM",
        "10 December | Other",
    ],
)
def test_more_yearless_datelines(head: str) -> None:
    found = article_date(f"A headline\n\n{head}\n\nGold rose.", today=TODAY)
    assert (found.source, found.day) == (DateSource.DATELINE, date(2025, 12, 10)), found.why


def test_a_wrapped_line_starting_with_a_day_is_no_dateline() -> None:
    text = (
        "Nikkei opens soft\n\nJapan's Nikkei is slipping below 38K for the first time since\n"
        "December 2.\nReuters reports on its survey of analysts."
    )
    assert find_dateline(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param(
            "EIA cuts its outlook\n\nThe Short-Term Energy Outlook, released on November 6, sees"
            " Brent at $55 in 2026.",
            date(2025, 11, 6),
            id="released-on",
        ),
        pytest.param(
            "Outlook\n\nThe PMI surveys due on March 24 will matter; gold may reach $3,000.",
            None,
            id="a-day-to-come",
        ),
    ],
)
def test_a_yearless_reported_day(text: str, day: date | None) -> None:
    found = article_date(text, today=TODAY)
    if day is None:
        assert found.source is DateSource.TODAY
    else:
        assert (found.source, found.day) == (DateSource.REPORTED, day), found.why


def test_no_date_says_deadlines_are_read_from_today() -> None:
    found = article_date("UBS expects gold to reach $5,000 next year.", today=TODAY)
    assert (found.source, found.day) == (DateSource.TODAY, TODAY)
    assert "deadlines were read from today" in found.why and "--made-on" in found.why


def test_the_given_day_wins_over_everything() -> None:
    found = article_date(
        _article("November 14, 2025"),
        today=TODAY,
        made_on=date(2024, 1, 2),
        url="https://x.com/2025/11/13/a",
    )
    assert (found.source, found.day) == (DateSource.GIVEN, date(2024, 1, 2))


def test_a_url_day_still_to_come_is_passed_over() -> None:
    found = article_date("Gold rose.", today=TODAY, url="https://x.com/2027/01/05/gold")
    assert found.source is DateSource.TODAY
    assert "2027-01-05 was ignored" in found.why


def test_extract_article_reads_relative_deadlines_from_the_url_date() -> None:
    text = "UBS sees gold at $5,000\n\nUBS expects gold to reach $5,000 by year-end."
    extraction = extract_article(text, today=TODAY, url="https://x.com/2025/11/14/ubs-gold")
    assert extraction.made_on == DAY
    assert extraction.made_on_source is DateSource.URL
    assert [c.deadline for c in extraction.candidates] == [date(2025, 12, 31)]


def test_the_reason_quotes_the_dateline_as_written() -> None:
    found = article_date(_article("By Jane Doe | November 14, 2025"), today=TODAY)
    assert re.search(r"dateline 'November 14, 2025'", found.why)


# ---------------------------------------------------------------- forecast extract


UNDATED = "UBS sees gold at $5,000\n\nUBS expects gold to reach $5,000 by year-end.\n"


@pytest.fixture
def _extract_registered() -> None:
    from ledger.cli import extract as extract_cli
    from ledger.cli.app import app

    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)


@pytest.mark.usefixtures("_extract_registered")
def test_cli_reads_the_date_in_the_url_and_says_so(
    capsys: pytest.CaptureFixture[str], ledger_url: str, tmp_path
) -> None:
    from cli_runner import forecast

    path = tmp_path / "article.txt"
    path.write_text(UNDATED, encoding="utf-8")
    url = "https://example.com/2025/11/14/ubs-gold"
    result = forecast(capsys, "--db", ledger_url, "extract", str(path), "--url", url, "--json")
    assert result.code == 0, result.err
    [candidate] = result.json()
    assert candidate["made_on"] == "2025-11-14" and candidate["deadline"] == "2025-12-31"
    assert candidate["made_on_source"] == "url"
    assert "the date in the URL, '2025/11/14'" in candidate["made_on_from"]
    assert "made on 2025-11-14 (the date in the URL, '2025/11/14')" in result.err


@pytest.mark.usefixtures("_extract_registered")
def test_cli_without_a_date_says_deadlines_were_read_from_today(
    capsys: pytest.CaptureFixture[str], ledger_url: str, tmp_path
) -> None:
    from cli_runner import forecast

    path = tmp_path / "article.txt"
    path.write_text(UNDATED, encoding="utf-8")
    result = forecast(capsys, "--db", ledger_url, "extract", str(path), "--json")
    assert result.code == 0, result.err
    # On December 31 "by year-end" is no call at all, so the candidates are not counted.
    for candidate in result.json():
        assert candidate["made_on"] == date.today().isoformat()
        assert candidate["made_on_source"] == "today"
    assert "no date found in the article; deadlines were read from today" in result.err
