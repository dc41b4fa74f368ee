"""forecast extract given what no article is: endless files, repeated lines, poison dates.

Each input here once hung the command, took minutes, or put a value in the
ledger that breaks it (issue 16). Timing is not asserted: the work is
counted instead (sentences read, merge comparisons, tag parses), and the
figures live in bench/bench_extract.py.
"""

from __future__ import annotations

import html.parser
import io
import os
import sys
from datetime import date
from pathlib import Path

import pytest
import typer
from cli_runner import forecast
from extract.quality import corpus_entries

from ledger.claims.bounds import BoundsError
from ledger.cli import extract as extract_cli
from ledger.cli.app import app
from ledger.errors import UsageError
from ledger.extract import extract_article, extract_candidates
from ledger.extract import extractor as extractor_module
from ledger.extract import state as extract_state
from ledger.extract.candidate import Candidate
from ledger.extract.html_text import html_to_text
from ledger.extract.merge import merged
from ledger.extract.reading import read_article_file, read_article_stream
from ledger.extract.sentences import split_sentences

TODAY = date(2025, 11, 20)
CALL = "Goldman Sachs expects gold to reach $5,000 by end-2026."


@pytest.fixture(autouse=True)
def _extract_registered() -> None:
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)


@pytest.fixture
def db(ledger_url: str) -> str:
    return ledger_url


# ---------------------------------------------------------------- size caps


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_after_reading_just_past_the_cap(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    result = forecast(capsys, "--db", db, "extract", "/dev/zero")
    assert result.code == 2
    assert result.err == (
        "forecast: error: /dev/zero is larger than 5 MB, more than any article: give the"
        " article alone, or raise the limit with --max-size\n"
    )
    assert result.out == ""


def test_a_file_over_the_cap_is_refused_and_one_at_it_is_read(tmp_path: Path) -> None:
    at_cap = tmp_path / "at.txt"
    at_cap.write_bytes(CALL.encode() + b" " * (1000 - len(CALL)))
    over = tmp_path / "over.txt"
    over.write_bytes(at_cap.read_bytes() + b" ")
    assert read_article_file(at_cap, max_bytes=1000).text.startswith(CALL)
    with pytest.raises(UsageError, match=r"over\.txt is larger than 0\.001 MB"):
        read_article_file(over, max_bytes=1000)


def test_the_default_cap_is_5_mb(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5_000_001)
    result = forecast(capsys, "--db", db, "extract", str(big))
    assert result.code == 2
    assert result.err.startswith(f"forecast: error: {big} is larger than 5 MB")
    assert result.err.count("\n") == 1
    # --max-size raises it: the same file is read (a 5 MB word holds no call).
    result = forecast(capsys, "--db", db, "extract", str(big), "--max-size", "6", "--json")
    assert result.code == 0, result.err
    assert result.json() == []


def test_max_size_lowers_the_cap(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(CALL * 40, encoding="utf-8")
    result = forecast(capsys, "--db", db, "extract", str(article), "--max-size", "0.001")
    assert result.code == 2
    assert "is larger than 0.001 MB" in result.err


def test_standard_input_over_the_cap_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(CALL.encode() * 100), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    result = forecast(capsys, "--db", db, "extract", "-", "--max-size", "0.001")
    assert result.code == 2
    assert result.err.startswith("forecast: error: standard input is larger than 0.001 MB")


def test_a_stream_is_read_whole_under_the_cap_with_its_line_ends_made_plain() -> None:
    article = read_article_stream(io.BytesIO(b"Gold Outlook\r\n\r\n" + CALL.encode()))
    assert article.text == f"Gold Outlook\n\n{CALL}"


def test_a_stream_that_is_not_utf8_is_one_usage_error() -> None:
    with pytest.raises(UsageError, match="standard input: not UTF-8 text"):
        read_article_stream(io.BytesIO(b"gold \xff\xfe"))


# ---------------------------------------------------------------- linear extraction


@pytest.mark.parametrize("joiner", [" ", "\n\n"], ids=["one-line", "paragraphs"])
def test_a_call_repeated_4000_times_is_one_candidate_read_twice(
    monkeypatch: pytest.MonkeyPatch, joiner: str
) -> None:
    reads = 0
    read_sentence = extractor_module.read_sentence

    def counting(*args: object, **kwargs: object) -> list[Candidate]:
        nonlocal reads
        reads += 1
        return read_sentence(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extractor_module, "read_sentence", counting)
    text = joiner.join([CALL] * 4000)
    assert len(split_sentences(text)) == 4000
    candidates = extract_candidates(text, made_on=TODAY)
    assert [(c.claim_text, c.speaker) for c in candidates] == [
        ("gold reaches $5,000 by end-2026", "Goldman Sachs")
    ]
    # The same sentence in the same context reads the same: read with the empty context,
    # then with the one it leaves behind, and never again (not 4,000 times).
    assert reads == 2


def test_a_long_line_of_sentences_splits_at_every_stop() -> None:
    sentences = [
        f"Analyst {n} expects gold to reach ${4000 + n:,} by end-2026." for n in range(3000)
    ]
    found = split_sentences(" ".join(sentences))
    assert [s.text for s in found] == sentences
    assert [s.start for s in found[:3]] == [0, len(sentences[0]) + 1, 2 * len(sentences[0]) + 2]


@pytest.mark.parametrize("corpus", ["corpus.yaml", "corpus_holdout.yaml", "corpus_unseen.yaml"])
def test_reading_a_sentence_once_per_context_changes_no_candidate(
    monkeypatch: pytest.MonkeyPatch, corpus: str
) -> None:
    """The same articles, each three times over, read with and without the memory of sentences.

    A sentence leaning on the one before ("the bank", "the metal") must be read
    again when what came before differs; with no memory at all every sentence is.
    """
    cases = corpus_entries(Path(__file__).parent / corpus)
    texts = ["\n\n".join([case["text"]] * 3) for case in cases]
    remembered = [extract_candidates(text, made_on=TODAY) for text in texts]
    monkeypatch.setattr(extract_state.Context, "state", lambda self: object())
    forgetful = [extract_candidates(text, made_on=TODAY) for text in texts]
    assert remembered == forgetful


def test_merging_many_distinct_calls_compares_each_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Merging looks calls up, never compares each with every one kept (n² for n calls)."""
    looked_at = 0
    level_key = Candidate.level_key

    def counting(self: Candidate) -> str | None:
        nonlocal looked_at
        looked_at += 1
        return level_key.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Candidate, "level_key", property(counting))
    base = extract_candidates(CALL, made_on=TODAY)[0]
    claim = base.claim
    assert claim is not None
    candidates = [
        Candidate(
            sentence=CALL,
            made_on=TODAY,
            symbol="GC=F",
            asset="gold",
            confidence=0.9,
            claim_text=f"gold reaches {level} by end-2026",
            claim=claim.__class__(**{**claim.__dict__, "level": float(level)}),
            speaker=f"Analyst {level}",
        )
        for level in range(1000, 4000)
    ]
    result = merged(candidates)
    assert len(result) == 3000
    assert looked_at <= 10 * len(candidates)


def test_merging_keeps_its_rules_on_a_repeated_headline_and_body() -> None:
    text = (
        "Goldman sees gold at $5,000\n\n"
        "Goldman Sachs expects gold to reach $5,000 by end-2026.\n\n"
        "The bank expects gold to reach $5,000 by end-2026.\n\n"
    ) * 50
    candidates = extract_candidates(text, made_on=TODAY)
    assert [(c.claim_text, c.speaker) for c in candidates] == [
        ("gold reaches $5,000 by end-2026", "Goldman Sachs")
    ]


def test_unclosable_markup_is_not_rescanned_by_the_tag_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parses = 0
    parse_starttag = html.parser.HTMLParser.parse_starttag

    def counting(self: html.parser.HTMLParser, i: int) -> int:
        nonlocal parses
        parses += 1
        return parse_starttag(self, i)

    monkeypatch.setattr(html.parser.HTMLParser, "parse_starttag", counting)
    page = html_to_text("<html><body><p>gold " + "<a" * 20000 + "</p></body></html>")
    assert page.text == "gold " + "<a" * 20000
    assert parses == 3  # <html>, <body>, <p>: each stray "<a" is text, not 20,000 failed tags


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<html><body><p>gold</p><![bogus[ x ]]><p>silver</p>", "gold\n\nsilver"),
        ("<html><body><p>gold</p><!-- never closed <p>silver</p>", "gold"),
        ("<html><body><p>gold</p><!doctype" + " x" * 1000, "gold"),
        ("<html><body><p>a < b</p><p>c</p>", "a < b\n\nc"),
        ("<html><body><p>gold</p><?php echo 1 ?><p>silver</p>", "gold\n\nsilver"),
        ("<html><body><p>x<![CDATA[ a > b ]]>y</p>", "xy"),
    ],
    ids=["unknown-marked-section", "open-comment", "open-declaration", "stray-lt", "pi", "cdata"],
)
def test_odd_markup_reads_without_an_exception(markup: str, text: str) -> None:
    assert html_to_text(markup).text == text


# ---------------------------------------------------------------- dates and bounds


def test_a_page_date_of_year_one_is_ignored_with_a_note() -> None:
    extraction = extract_article(CALL, today=TODAY, published=date(1, 1, 1))
    assert extraction.made_on == TODAY
    assert "the page's publication date 0001-01-01 was ignored" in extraction.made_on_from
    assert "not between 1900-01-01 and today" in extraction.made_on_from


def test_a_meta_date_of_year_one_never_reaches_the_ledger(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta name=date content=0001-01-01></head>"
        f"<body><p>November 20, 2025</p><p>{CALL}</p></body></html>",
        encoding="utf-8",
    )
    result = forecast(capsys, "--db", db, "extract", str(page), "--yes")
    assert result.code == 0, result.err
    assert "made on 2025-11-20 (the dateline 'November 20, 2025'; the page's publication" in (
        result.err
    )
    claims = forecast(capsys, "--db", db, "list", "--json").json()
    assert [c["made_on"] for c in claims] == ["2025-11-20"]


@pytest.mark.parametrize(
    ("head", "ignored"),
    [
        ("Nov 20, 0001", "the dateline 'Nov 20, 0001' 0001-11-20 was ignored"),
        ("1899-12-31", "the dateline '1899-12-31' 1899-12-31 was ignored"),
        ("2030-01-01", "the dateline '2030-01-01' 2030-01-01 was ignored"),
    ],
    ids=["year-one", "before-1900", "future"],
)
def test_a_dateline_out_of_range_is_ignored_with_a_note(head: str, ignored: str) -> None:
    extraction = extract_article(f"Gold Outlook\n\n{head}\n\n{CALL}", today=TODAY)
    assert extraction.made_on == TODAY
    assert ignored in extraction.made_on_from


def test_a_made_on_out_of_range_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    with pytest.raises(BoundsError):
        extract_article(CALL, today=TODAY, made_on=date(1, 1, 1))
    article = tmp_path / "a.txt"
    article.write_text(CALL, encoding="utf-8")
    result = forecast(capsys, "--db", db, "extract", str(article), "--made-on", "0001-01-01")
    assert result.code == 2
    assert result.err == (
        "forecast: error: made_on 0001-01-01 is before 1900-01-01: give the day the call was"
        " made (YYYY-MM-DD)\n"
    )


@pytest.mark.parametrize(
    ("sentence", "refusal"),
    [
        (
            "Goldman Sachs expects gold to reach $5,000 by 2199.",
            "deadline 2199-12-31 is more than 100 years after made_on 2025-11-20",
        ),
        (
            "Goldman Sachs expects gold to rise 500000% by end-2026.",
            "relative level 500000% is outside the accepted range",
        ),
    ],
    ids=["deadline-past-horizon", "absurd-level"],
)
def test_a_call_the_ledger_would_refuse_is_not_proposed(sentence: str, refusal: str) -> None:
    extraction = extract_article(f"{sentence} UBS sees silver at $60 by end-2026.", today=TODAY)
    assert [c.symbol for c in extraction.candidates] == ["SI=F"]
    assert len(extraction.notes) == 1
    assert extraction.notes[0].startswith("not proposed: 'gold reaches ")
    assert refusal in extraction.notes[0]
    assert "\n" not in extraction.notes[0]


def test_the_cli_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Goldman Sachs expects gold to reach $5,000 by 2199.", encoding="utf-8")
    result = forecast(capsys, "--db", db, "extract", str(article), "--made-on", "2025-11-20")
    assert result.code == 0, result.err
    assert "not proposed: 'gold reaches $5,000 by 2199': deadline 2199-12-31" in result.err


def test_a_level_typed_in_that_the_ledger_would_refuse_is_asked_again(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Bitcoin needs to hold support, says Crypto Desk.", encoding="utf-8")
    answers = iter(["1e15", "95000"])
    monkeypatch.setattr(extract_cli, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr(typer, "prompt", lambda *_a, **_k: next(answers))
    result = forecast(
        capsys, "--db", db, "extract", str(article), "--made-on", "2025-11-20", "--source", "D"
    )
    assert result.code == 0, result.err
    assert "level '1e+15' is larger than any price" in result.err
    claims = forecast(capsys, "--db", db, "list", "--json").json()
    assert [c["normalized"] for c in claims] == ["BTC-USD hold_above 95000 by 2026-11-20"]
