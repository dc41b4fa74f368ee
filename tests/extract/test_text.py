"""Reading an article's text: sentences, HTML, dateline and byline."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.article import find_byline, find_dateline
from ledger.extract.html_text import html_to_text, looks_like_html
from ledger.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Demand from the U.S. Mint is strong. Gold rose.",
            ["Demand from the U.S. Mint is strong.", "Gold rose."],
            id="dotted-abbreviation-inside",
        ),
        pytest.param(
            "Buyers in the U.S. The rally goes on.",
            ["Buyers in the U.S.", "The rally goes on."],
            id="dotted-abbreviation-at-the-end",
        ),
        pytest.param(
            "Acme Inc. expects gold at $4,012.50 by May. Ether hit 5.1k.",
            ["Acme Inc. expects gold at $4,012.50 by May.", "Ether hit 5.1k."],
            id="inc-and-decimals",
        ),
        pytest.param(
            "Metals, e.g. Gold and Silver, rallied. J. P. Smith agreed!",
            ["Metals, e.g. Gold and Silver, rallied.", "J. P. Smith agreed!"],
            id="eg-and-initials",
        ),
        pytest.param(
            'He said "gold will shine." Then he left? Yes.',
            ['He said "gold will shine."', "Then he left?", "Yes."],
            id="quotes-and-questions",
        ),
        pytest.param(
            "Dr. Reyes sees Brent at $70 vs. $65 now. No. 1 call.",
            ["Dr. Reyes sees Brent at $70 vs. $65 now.", "No. 1 call."],
            id="titles-and-vs",
        ),
        pytest.param(
            "Gold will reach\n$5,000 by the end\nof 2026. Silver too.",
            ["Gold will reach $5,000 by the end of 2026.", "Silver too."],
            id="wrapped-lines-joined",
        ),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_headlines_datelines_and_bullets_stand_alone() -> None:
    text = (
        "Goldman Sees Gold at $4,900 by End-2026\n"
        "November 20, 2025\n\n"
        "# Outlook\n"
        "- Bitcoin needs to hold support\n"
        "- Ether to $5,000\n"
        "Gold will shine. It always does."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Goldman Sees Gold at $4,900 by End-2026",
        "November 20, 2025",
        "Outlook",
        "Bitcoin needs to hold support",
        "Ether to $5,000",
        "Gold will shine.",
        "It always does.",
    ]
    assert sentences[0].headline and not sentences[3].headline
    for sentence in sentences:
        assert text[sentence.start : sentence.start + len(sentence.text)] == sentence.text


HTML = """<!doctype html>
<html><head><title>Gold outlook | Metals Daily</title>
<meta property="article:published_time" content="2025-11-20T08:00:00Z">
<meta name="author" content="Jane Smith">
<script>var call = "gold will hit $9,999 by 2030";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> Gold to $1,000,000 tomorrow</nav>
<article><h1>UBS sees gold at $4,700 by mid-2026</h1>
<p>UBS expects gold to climb to $4,700 an ounce by the end of June 2026, its
strategists wrote &amp; said.</p><p>Gold fell 1% to $4,050 on Wednesday.</p></article>
<footer>&copy; 2025 Metals Daily</footer></body></html>"""


def test_html_text_skips_script_style_and_nav_and_keeps_blocks() -> None:
    page = html_to_text(HTML)
    assert page.text.split("\n\n") == [
        "UBS sees gold at $4,700 by mid-2026",
        "UBS expects gold to climb to $4,700 an ounce by the end of June 2026, its strategists"
        " wrote & said.",
        "Gold fell 1% to $4,050 on Wednesday.",
    ]
    assert "9,999" not in page.text and "1,000,000" not in page.text and "color" not in page.text
    assert page.title == "Gold outlook | Metals Daily"
    assert page.author == "Jane Smith"
    assert page.published == date(2025, 11, 20)


def test_html_is_recognized_by_its_content() -> None:
    assert looks_like_html(HTML)
    assert looks_like_html("<p>Gold will shine.</p>")
    assert not looks_like_html("Gold will reach $5,000 <or more> by 2026.")


def test_broken_html_still_gives_text() -> None:
    page = html_to_text("<p>Gold will <b>reach $5,000<p>by 2026 <script>x")
    assert "Gold will reach $5,000" in page.text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param("Headline\n\nNovember 20, 2025\n\nBody.", date(2025, 11, 20), id="month-day"),
        pytest.param("NEW YORK, Nov. 20, 2025 (Reuters) - Gold...", date(2025, 11, 20), id="abbr"),
        pytest.param("Headline\n2025-11-20 08:00\nBody", date(2025, 11, 20), id="iso"),
        pytest.param("Published 20 November 2025\nBody", date(2025, 11, 20), id="day-month"),
        pytest.param("Headline\n\nBody only.", None, id="none"),
        pytest.param(
            "\n".join(["line"] * 12) + "\nThe Fed meets on November 20, 2025, they said.\nEnd.",
            None,
            id="too-far-down-in-prose",
        ),
        pytest.param(
            "\n".join(["line"] * 12) + "\nNovember 20, 2025", date(2025, 11, 20), id="footer"
        ),
        pytest.param(
            "Gold\n\n" + "line\n" * 12 + "Posted on Nov 3, 2025 by Jo",
            date(2025, 11, 3),
            id="labelled",
        ),
        pytest.param(
            "Gold\n\n" + "line\n" * 12 + "November 4, 2025 at 2:15 PM EST",
            date(2025, 11, 4),
            id="clock",
        ),
        pytest.param(
            "Gold\n\n" + "line\n" * 12 + "Updated 2025-11-04T10:42:00Z",
            date(2025, 11, 4),
            id="iso-stamp",
        ),
        pytest.param(
            "Gold\n\n" + "line\n" * 12 + "Target: $5,000 by June 30, 2025.",
            None,
            id="deadline-line",
        ),
        pytest.param(
            "Top\nJune 1, 2025\n" + "line\n" * 12 + "Published 3 Nov 2025 10:42 GMT",
            date(2025, 11, 3),
            id="labelled-beats-top",
        ),
        pytest.param("Headline\nFebruary 30, 2025\nBody", None, id="impossible-day"),
    ],
)
def test_dateline(text: str, day: date | None) -> None:
    found = find_dateline(text)
    assert (found.day if found else None) == day


@pytest.mark.parametrize(
    ("text", "author"),
    [
        pytest.param("Headline\nBy Jane Smith\nNovember 20, 2025", "Jane Smith", id="by"),
        pytest.param("Headline\nBY Marcus Reid, Crypto Editor", "Marcus Reid", id="upper-by"),
        pytest.param("Headline\nby the way, gold rose", None, id="not-a-byline"),
    ],
)
def test_byline(text: str, author: str | None) -> None:
    assert find_byline(text) == author


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Bank of America Global Research has cut its 2020 Forecasts for Brent and WTI, to\n"
            "$54 and $49 respectively, as the outbreak weighs on growth.\nOil rose on Tuesday.",
            "Bank of America Global Research has cut its 2020 Forecasts for Brent and WTI, to"
            " $54 and $49 respectively, as the outbreak weighs on growth.",
        ),
        (
            "Goldman Sachs Raises Its Gold Forecast For The End Of\n"
            "2026 to $5,400, Citing Central Bank Buying. Gold rose.",
            "Goldman Sachs Raises Its Gold Forecast For The End Of 2026 to $5,400, Citing"
            " Central Bank Buying.",
        ),
    ],
)
def test_a_first_line_that_stops_on_a_little_word_is_wrapped_prose(text: str, first: str) -> None:
    sentences = split_sentences(text)
    assert sentences[0].text == first
    assert not sentences[0].headline


def test_a_title_case_first_line_is_still_a_headline() -> None:
    sentences = split_sentences("Goldman Sees Gold at $5,400 by End-2026\nThe bank said so.")
    assert sentences[0].text == "Goldman Sees Gold at $5,400 by End-2026"
    assert sentences[0].headline
