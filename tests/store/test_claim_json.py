"""`list --json` by the column gives the bytes the claim records gave.

`ledger.store.claim_json` turns a listed row into its JSON object without the
`ClaimRecord` and `Claim` that `ClaimRecord.to_json()` needs; the record path
stays as the oracle: on generated rows, on a ledger of every kind of claim
(resolved, voided, tagged; SQLite and PostgreSQL), and byte for byte on a
1k-claim ledger's `forecast list --json`, written a slice at a time.
"""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from cli_runner import forecast
from hypothesis import given
from hypothesis import strategies as st
from price_files import flat_bars, write_csv
from sqlmodel import Session

import ledger.store.claims as store_claims
from ledger import safe_json
from ledger.claims.model import ClaimKind
from ledger.cli import json_output
from ledger.store.claim_json import claim_json, claims_json
from ledger.store.claims import ClaimFilter, list_claims, listing_rows, record_from_row
from ledger.store.session import open_ledger

MADE_ON = "2025-11-20"
LOGGED = datetime(2025, 11, 20, 18, 30, 5, 120000, tzinfo=UTC)
# One claim of each shape the listing meets: fixed levels, a band, a ratio, a
# relative level, computed levels, an outperformance, a vague call.
TEXTS = [
    "gold $5055 by end-2026",
    "gold between 4000 and 4500 by end-2026",
    "the gold/silver ratio falls to 70 by end-2026",
    "BTC -20% within 90 days",
    "BTC holds support by 2026-03-31",
    "gold holds 3000 until 2026-06-30",
    "gold makes a new all-time high by June",
    "BTC outperforms gold by 10 points by end-2026",
    "gold closes above 4000 at the end of 2026",
    "gold averages 4100 in Q1 2026",
    "silver hits 40 by 2026-03-31",
    "silver hits 60 by 2026-03-31",
]


def _json_text(objects: Any) -> str:
    return safe_json.dumps(objects, ensure_ascii=False)


def _fill_ledger(db: str, directory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every shape of claim, tagged, some voided, settled against flat prices."""
    for number, text in enumerate(TEXTS):
        tags = ["-t", "macro,gold"] if number % 2 else []
        result = forecast(
            capsys, "--db", db, "add", text, "-s", "Bank Ä", "--made-on", MADE_ON,
            "--prices", "none", "-p", "0.6", *tags,
        )  # fmt: skip
        assert result.code == 0, result.err
    vague = ["add", "the squeeze is not over", "--vague", "-s", "Trader"]
    assert forecast(capsys, "--db", db, *vague, "--made-on", MADE_ON).code == 0
    prices = directory / "prices"
    for symbol, price in {"GC=F": 4200.0, "SI=F": 50.0, "BTC-USD": 90000.0}.items():
        write_csv(prices, symbol, flat_bars("2025-06-01", "2026-06-30", price))
    resolved = forecast(
        capsys, "--db", db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-06-30"
    )
    assert resolved.code == 0, resolved.err
    assert forecast(capsys, "--db", db, "void", "2", "--why", "typo").code == 0


@pytest.fixture
def filled_url(
    migrated_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    monkeypatch.setattr(store_claims, "utcnow", lambda: LOGGED)
    _fill_ledger(migrated_url, tmp_path, capsys)
    return migrated_url


FILTERS = [
    pytest.param(ClaimFilter(), id="all"),
    pytest.param(ClaimFilter(status="open"), id="open"),
    pytest.param(ClaimFilter(status="void"), id="void"),
    pytest.param(ClaimFilter(tag="macro"), id="tagged"),
    pytest.param(ClaimFilter(symbol="GC=F", limit=3), id="symbol-limit"),
]


@pytest.mark.parametrize("where", FILTERS)
def test_every_shape_of_claim_lists_as_its_record(filled_url: str, where: ClaimFilter) -> None:
    engine = open_ledger(filled_url)
    with Session(engine) as session:
        by_record = [record.to_json() for record in list_claims(session, where)]
        by_column = claims_json(session, where)
    engine.dispose()
    assert by_record, "the filter lists something"
    assert _json_text(by_column) == _json_text(by_record)


def test_the_ledger_holds_every_shape(filled_url: str) -> None:
    """The comparison above is worth something only if the rows take both paths."""
    engine = open_ledger(filled_url)
    with Session(engine) as session:
        records = list_claims(session)
    engine.dispose()
    kinds = {record.kind for record in records}
    assert {"vague", "outperform", "close_between", "average_above"} <= kinds
    assert any(r.relative for r in records) and any(r.level_rule for r in records)
    assert {"true", "false", "void", "vague"} <= {r.status for r in records}
    assert any(r.evidence_date for r in records) and any(r.tags for r in records)


# --- generated rows ---------------------------------------------------------


class _NoCapture:
    """Stands for capsys where a ledger is filled outside a test's own fixtures."""

    def readouterr(self) -> SimpleNamespace:
        return SimpleNamespace(out="", err="")


@pytest.fixture(scope="module")
def stored_rows(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, ...]:
    """The listed rows of a filled SQLite ledger, built once for the generated rows."""
    directory = tmp_path_factory.mktemp("claim-json")
    db = f"sqlite:///{directory}/ledger.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_claims, "utcnow", lambda: LOGGED)
        _fill_ledger(db, directory, _NoCapture())
    engine = open_ledger(db)
    with Session(engine) as session:
        rows, _ = listing_rows(session)
    engine.dispose()
    return tuple(rows)


prices = st.one_of(
    st.none(),
    st.floats(min_value=1e-9, max_value=1e20),
    st.sampled_from([0.5, 5055.0, 1e10, 12345678901.25, float("inf"), float("nan")]),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
zones = st.sampled_from([None, UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9))])
moments = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)
words = st.text(max_size=12)
changes = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from([kind.value for kind in ClaimKind]),
        "symbol": st.sampled_from(["GC=F", "GC=F/SI=F", "BTC-USD", "ÄB", ""]) | words,
        "asset": st.sampled_from(["gold", "GC=F", "gc=f", "ÄB"]) | words,
        "level": prices,
        "upper_level": prices,
        "reference_price": prices,
        "made_on": days,
        "window_start": days,
        "deadline": days,
        "probability": st.none() | st.floats(0, 1),
        "status": st.sampled_from(["open", "true", "false", "void", "vague"]),
        "open_reason": st.none() | st.sampled_from(["no_data", "pending"]),
        "open_detail": st.none() | words,
        "text": words,
        "normalized": words | st.just("SI=F vague: the squeeze"),
        "assumptions": st.none() | st.sampled_from(["[]", '["a \\"quoted\\" day", "ü"]']),
        "url": st.none() | words,
        "quote": st.none() | words,
        "created_at": moments,
        "market_computed_at": st.none() | moments,
        "market_prob": st.none() | st.floats(0, 1),
        "market_note": st.none() | words,
        "evidence_date": st.none() | days,
        "evidence_price": prices,
        "leg_evidence": st.none()
        | st.sampled_from(['[{"symbol": "GC=F", "close": 1.5}]', "not json", '{"a": 1}']),
        "level_note": st.none() | words,
        "void_reason": st.none() | words,
        "versus_symbol": st.none() | st.sampled_from(["GC=F", "SI=F"]),
        "margin": st.none() | st.floats(0, 50),
    },
)


@given(data=st.data(), tags=st.lists(words, max_size=3).map(tuple))
def test_a_generated_row_lists_as_its_record(stored_rows, data, tags) -> None:
    row = data.draw(st.sampled_from(stored_rows))._replace(**data.draw(changes))
    try:
        expected = _json_text(record_from_row(row, tags).to_json())
    except (ValueError, TypeError, KeyError) as error:  # a row no version can show
        with pytest.raises(type(error)):
            claim_json(row, tags)
        return
    assert _json_text(claim_json(row, tags)) == expected


# --- the command's bytes ----------------------------------------------------


@given(
    items=st.lists(
        st.dictionaries(words, st.none() | st.floats() | st.integers() | words, max_size=4),
        max_size=30,
    ),
    slice_size=st.integers(1, 40),
)
def test_a_list_written_in_slices_is_the_list_written_whole(items, slice_size) -> None:
    whole, sliced = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(whole):
        json_output.print_json(items)
    with contextlib.redirect_stdout(sliced):
        json_output.print_json_list(items, slice_size=slice_size)
    assert sliced.getvalue() == whole.getvalue()


def _structured_file(path: Path, entries: int) -> None:
    symbols = ("GC=F", "SI=F", "BTC-USD", "GC=F/SI=F")
    kinds = ("touch_above", "touch_below", "close_above", "hold_below", "average_above")
    lines = ["predictions:"]
    for i in range(entries):
        made_on = date(2025, 1, 1) + timedelta(days=i % 300)
        deadline = made_on + timedelta(days=30 + i % 400)
        lines += [
            f"  - source: Source {i % 17:02d}",
            f"    made_on: {made_on.isoformat()}",
            f"    symbol: {symbols[i % len(symbols)]}",
            f"    kind: {kinds[i % len(kinds)]}",
            f"    level: {10 + (i * 7919) % 90000}.{i % 100:02d}",
            f"    deadline: {deadline.isoformat()}",
        ]
        if i % 3 == 0:
            lines += ["    probability: 0.7", "    tags: [bench, ä]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_list_json_of_a_1k_ledger_is_the_records_bytes(
    tmp_path: Path,
    migrated_ledger,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = migrated_ledger(tmp_path / "ledger.sqlite3")
    monkeypatch.setattr(store_claims, "utcnow", lambda: LOGGED)
    _structured_file(tmp_path / "claims.yaml", 1000)
    assert forecast(capsys, "--db", db, "import", str(tmp_path / "claims.yaml")).code == 0
    _fill_ledger(db, tmp_path, capsys)
    engine = open_ledger(db)
    with Session(engine) as session:
        expected = _json_text([record.to_json() for record in list_claims(session)]) + "\n"
    engine.dispose()
    monkeypatch.setattr(json_output, "JSON_SLICE", 97)  # slices end inside the listing
    listed = forecast(capsys, "--db", db, "list", "--json")
    assert listed.code == 0, listed.err
    assert len(listed.json()) == 1000 + len(TEXTS) + 1
    assert listed.out == expected
