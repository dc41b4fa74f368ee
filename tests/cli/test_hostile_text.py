"""Stored text is data: markup and control sequences in the ledger are shown, never obeyed.

Every string the ledger holds may come from an article or someone else's
import file. Each hostile string below is stored as a source name, claim
text, quote, URL, tag, asset and symbol, void reason, resolution note,
alias and resolver error, and every command that shows them must exit as
usual (no MarkupError traceback), show the literal text (control characters
as visible escapes) and send no raw escape byte to the terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from cli_runner import Result, forecast
from hostile_strings import HOSTILE, NAMES, symbol_of
from sqlalchemy import insert
from sqlmodel import Session

from ledger.claims.model import Claim, ClaimKind, default_window_start
from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.safe_text import printable
from ledger.store.claims import record_claims, resolve_manually, void_claim
from ledger.store.runs import finish_run, start_run
from ledger.store.session import open_ledger
from ledger.store.tables import AliasRow, utcnow

# What must never reach the terminal: C0 controls but tab and line break, DEL, C1, bidi.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
MADE_ON = date(2025, 1, 2)
GOLD = "gold $5055 by end-2026"


@dataclass(frozen=True)
class Ids:
    """The claims stored for one hostile string."""

    resolved: int  # on the hostile symbol, resolved by hand with the text as its note
    voided: int  # on gold, voided with the text as its reason


def hostile_ledger(url: str) -> dict[str, Ids]:
    """Store every hostile string in every field a command shows."""
    engine = open_ledger(url)
    ids: dict[str, Ids] = {}
    with Session(engine) as session, session.begin():
        for index, (name, text) in enumerate(HOSTILE.items()):
            symbol = symbol_of(text)
            # `alias add` refuses such a symbol now; a ledger written before it
            # (or by SQL) can still hold one, and every command must show it.
            key = " ".join(f"{text} {index}".split()).lower()
            session.execute(insert(AliasRow).values(alias=key, symbol=symbol, created_at=utcnow()))
            on_symbol = NewClaim(
                source=text,
                claim=Claim(
                    symbol=symbol,
                    asset=text,
                    kind=ClaimKind.TOUCH_ABOVE,
                    level=100.0 + index,
                    made_on=MADE_ON,
                    window_start=default_window_start(MADE_ON),
                    deadline=date(2025, 6, 30),
                ),
                text=f"{text} hits {100 + index} by 2025-06-30",
                probability=0.7,
                url=f"https://example.com/{text}",
                quote=text,
                tags=(text,),
            )
            on_gold = NewClaim(
                source=text,
                claim=parse_claim(GOLD, made_on=MADE_ON),
                text=f"{GOLD} {text}",
                quote=f"said: {text}",
                url=text,
                tags=(text,),
            )
            resolved, voided = record_claims(session, [on_symbol, on_gold]).added
            resolve_manually(session, resolved, "true", text, today=date.today())
            void_claim(session, voided, text)
            ids[name] = Ids(resolved, voided)
        run = start_run(
            session, as_of=date(2025, 7, 1), price_source=HOSTILE["csi-clear"], dry_run=False
        )
        finish_run(
            session,
            run,
            failed_symbols=len(HOSTILE),
            errors={symbol_of(text): f"no data: {text}" for text in HOSTILE.values()},
        )
    engine.dispose()
    return ids


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Ids]]:
    """One ledger for the commands that only read (built once for the module)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'ledger.sqlite3'}"
    return url, hostile_ledger(url)


def assert_safe(result: Result, *codes: int) -> None:
    """The command ended as it should, without a traceback and with no raw control byte."""
    assert result.code in (codes or (0,)), result.err
    assert "Traceback" not in result.err
    assert "MarkupError" not in result.err
    for stream in (result.out, result.err):
        found = RAW_CONTROL.search(stream)
        assert found is None, f"raw {found.group()!r} reached the terminal"


def assert_shows(stream: str, *texts: str) -> None:
    for text in texts:
        assert printable(text) in stream, f"{printable(text)!r} is not shown"


ALL = tuple(HOSTILE.values())


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        pytest.param(("list",), ALL, id="list"),
        pytest.param(("list", "--status", "void"), ALL, id="list-void"),
        pytest.param(("sources",), ALL, id="sources"),
        pytest.param(("score",), ALL, id="score-by-source"),
        pytest.param(("score", "--by", "source", "--include-early"), ALL, id="score-early"),
        pytest.param(("score", "--by", "tag"), ALL, id="score-by-tag"),
        pytest.param(("score", "--by", "asset"), tuple(map(symbol_of, ALL)), id="score-by-asset"),
        pytest.param(("score", "--by", "year"), (), id="score-by-year"),
        pytest.param(("calibration",), (), id="calibration"),
        pytest.param(("runs",), (*map(symbol_of, ALL), *(f"no data: {t}" for t in ALL)), id="runs"),
        pytest.param(("alias", "list"), tuple(map(symbol_of, ALL)), id="alias-list"),
    ],
)
def test_commands_show_every_stored_string_literally(capsys, hostile_db, args, shown) -> None:
    url, _ = hostile_db
    result = forecast(capsys, "--db", url, *args)
    assert_safe(result)
    assert_shows(result.out, *shown)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("list", "--source"), id="list-source"),
        pytest.param(("list", "--tag"), id="list-tag"),
        pytest.param(("calibration", "--source"), id="calibration-source"),
    ],
)
def test_filters_by_a_hostile_name(capsys, hostile_db, name, args) -> None:
    url, _ = hostile_db
    text = HOSTILE[name]
    result = forecast(capsys, "--db", url, *args, text)
    assert_safe(result)
    if args[0] == "list":
        assert_shows(result.out, text)
        listed = forecast(capsys, "--db", url, *args, text, "--json").json()
        assert {claim["source"] for claim in listed} == {text}  # JSON stays exact


@pytest.mark.parametrize("name", NAMES)
def test_show_prints_quote_url_tags_note_and_void_reason_literally(
    capsys, hostile_db, name
) -> None:
    url, ids = hostile_db
    text = HOSTILE[name]
    resolved = forecast(capsys, "--db", url, "show", str(ids[name].resolved))
    assert_safe(resolved)
    assert_shows(resolved.out, f"{text} (other)", f"https://example.com/{text}", f"({text})")
    assert_shows(resolved.out, f"{text} hits", symbol_of(text))
    voided = forecast(capsys, "--db", url, "show", str(ids[name].voided))
    assert_safe(voided)
    assert_shows(voided.out, f"void ({text})", f"said: {text}", f"{GOLD} {text}")
    detail = forecast(capsys, "--db", url, "show", str(ids[name].voided), "--json").json()
    assert detail["quote"] == f"said: {text}"  # JSON stays exact


def test_json_output_is_exact(capsys, hostile_db) -> None:
    url, _ = hostile_db
    result = forecast(capsys, "--db", url, "list", "--json")
    assert result.code == 0
    assert {claim["source"] for claim in result.json()} == set(ALL)
    assert "\x1b" not in result.out  # json.dumps writes it as \u001b
    runs = forecast(capsys, "--db", url, "runs", "--json").json()
    assert set(runs[0]["errors"].values()) == {f"no data: {t}" for t in ALL}


@pytest.fixture
def db(tmp_path: Path, migrated_ledger: Callable[[Path], str]) -> str:
    """An empty ledger of the test's own (what is shown is the subject here, not creating it)."""
    return migrated_ledger(tmp_path / "fresh.sqlite3")


@pytest.mark.parametrize("name", NAMES)
def test_add_void_and_resolve_by_hand_echo_the_text_literally(capsys, db, name) -> None:
    text = HOSTILE[name]
    added = forecast(
        capsys,
        "--db",
        db,
        "add",
        GOLD,
        "--source",
        text,
        "--quote",
        text,
        "--url",
        text,
        "--tag",
        text,
        "--made-on",
        "2025-11-20",
    )
    # Recorded, or refused with one line (if the input checks refuse control characters).
    assert_safe(added, 0, 2)
    if added.code != 0:
        assert added.err.startswith("forecast: error: ")
        return
    assert_shows(added.err, f"for {text},")
    assert_safe(forecast(capsys, "--db", db, "add", GOLD, "-s", text, "--made-on", "2025-11-20"))
    voided = forecast(capsys, "--db", db, "void", "1", "--why", text)
    assert_safe(voided)
    assert_shows(voided.err, f"voided #1: {text}")
    added_again = forecast(capsys, "--db", db, "add", "gold $6000 by end-2026", "-s", text)
    assert_safe(added_again)
    by_hand = forecast(
        capsys, "--db", db, "resolve", "2", "--outcome", "false", "--note", text, "--force"
    )
    assert_safe(by_hand)
    assert_shows(by_hand.err, f"by hand: {text}")


@pytest.mark.parametrize("name", NAMES)
def test_claim_text_the_parser_refuses_is_quoted_literally(capsys, db, name) -> None:
    text = HOSTILE[name]
    for command in ("add", "parse"):
        args = ("-s", "me") if command == "add" else ()
        result = forecast(capsys, "--db", db, command, f"{text} to the moon", *args)
        assert_safe(result, 2)
        assert result.err.startswith("forecast: error: ")
        assert len(result.err.strip().splitlines()) <= 3


@pytest.mark.parametrize("name", NAMES)
def test_parse_and_an_unknown_alias_show_the_text_literally(capsys, db, name) -> None:
    text = HOSTILE[name]
    parsed = forecast(capsys, "--db", db, "parse", f"{GOLD} {text}")
    assert_safe(parsed, 0, 2)
    added = forecast(capsys, "--db", db, "alias", "add", f"x {text}", symbol_of(text))
    assert_safe(added, 2)  # not a Yahoo symbol
    assert_shows(added.err, symbol_of(text))
    missing = forecast(capsys, "--db", db, "alias", "remove", f"x {text}")
    assert_safe(missing, 2)
    assert "no alias" in missing.err


@pytest.mark.parametrize("name", NAMES)
def test_import_notes_and_errors_show_the_text_literally(capsys, db, tmp_path, name) -> None:
    text = HOSTILE[name]
    folder = tmp_path / "".join(ch for ch in text if ch not in "/\x00")
    folder.mkdir()
    good = folder / "good.yaml"
    entry = {"source": text, "made_on": "2025-11-20", "claim": GOLD, "quote": text, "tags": [text]}
    good.write_text(yaml.safe_dump({"predictions": [entry]}), encoding="utf-8")
    imported = forecast(capsys, "--db", db, "import", str(good))
    assert_safe(imported, 0, 2)
    assert_shows(imported.err, str(good))
    bad = folder / "bad.yaml"
    broken = {**entry, "claim": f"{text} to the moon"}
    bad.write_text(yaml.safe_dump({"predictions": [broken]}), encoding="utf-8")
    refused = forecast(capsys, "--db", db, "import", str(bad))
    assert_safe(refused, 2)
    assert refused.err.startswith("forecast: error: ")


@pytest.mark.parametrize("name", NAMES)
def test_extract_lists_the_sentence_literally(capsys, db, tmp_path, name) -> None:
    text = HOSTILE[name]
    article = tmp_path / "article.txt"
    sentence = f"JPMorgan expects gold to reach $5,055 by the end of 2026, {text}."
    article.write_text(f"November 20, 2025\n\n{sentence}\n", encoding="utf-8")
    listed = forecast(capsys, "--db", db, "extract", str(article))
    assert_safe(listed)
    assert_shows(listed.out, text)
    recorded = forecast(capsys, "--db", db, "extract", str(article), "--yes", "--source", text)
    assert_safe(recorded)
    assert_shows(recorded.err, f"for {text}:")
    as_json = forecast(capsys, "--db", db, "extract", str(article), "--json")
    assert as_json.code == 0
    assert text in json.loads(as_json.out)[0]["sentence"]  # JSON stays exact


def test_resolve_reports_failed_hostile_symbols_literally(capsys, db, tmp_path) -> None:
    url = db
    hostile_ledger(url)
    engine = open_ledger(url)
    with Session(engine) as session, session.begin():
        for text in ALL:
            entry = NewClaim(
                source=text,
                claim=Claim(
                    symbol=symbol_of(text),
                    asset=text,
                    kind=ClaimKind.TOUCH_ABOVE,
                    level=1.0,
                    made_on=date(2025, 3, 3),
                    window_start=default_window_start(date(2025, 3, 3)),
                    deadline=date(2025, 9, 30),
                ),
                text=f"open {text}",
            )
            record_claims(session, [entry])
    engine.dispose()
    prices = tmp_path / "no-prices"
    prices.mkdir()
    result = forecast(
        capsys, "--db", url, "resolve", "--prices", f"csv:{prices}", "--as-of", "2025-10-01"
    )
    assert_safe(result, 0, 1)
    assert_shows(result.out, *map(symbol_of, ALL))
    runs = forecast(capsys, "--db", url, "runs")
    assert_safe(runs)
