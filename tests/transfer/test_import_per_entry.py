"""An import leaves the ledger that recording its entries one at a time leaves.

The oracle reads each entry the general way (the short path for plain entries
turned off), records it alone (one row per INSERT, every column bound, the
indexes kept), and logs it from its stored row read back (not from the values
inserted). With the ledger's clock stopped, every table of the two ledgers
(claims, tags, sources, the proof log with its leaf hashes, the log's head
and root) must be equal row for row, on random files of plain and general
entries, repeats included (import5: the INSERT's empty columns left out, the
plain claims made without __init__, the new ledger made from the head script).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session

from ledger.errors import ImportFileError
from ledger.store import core_tables, prooflog
from ledger.store.claims import record_claims, recorded_ids
from ledger.store.imports import record_import
from ledger.store.session import open_ledger
from ledger.store.sources import ensure_sources
from ledger.transfer import yaml_import
from ledger.transfer.yaml_import import read_import_text


def _no_plain_entries(raws: list[object], *args: object) -> list[None]:
    """`_read_plain_entries` turned off: every entry is read the general way."""
    return [None] * len(raws)


TODAY = date(2026, 1, 15)
STOPPED = datetime(2026, 1, 15, 9, 30, 0, 123456, tzinfo=UTC)

FIELDS = {
    "source": ["JPMorgan", "Goldman", "goldman", "Zoë"],
    "made_on": ["2025-11-20", "2024-02-29"],
    "symbol": ["GC=F", "gold", "nvda", "GC=F/SI=F", "BTC-USD"],
    "kind": ["touch_above", "close_below", "average_above", "hold_below"],
    "level": ["5055", "0.1", "1.0851", "80000", "12.5"],
    "deadline": ["2026-12-31", "2025-11-21", "2027-06-30"],
}
OPTIONAL = {
    "probability": ["0.45", "45%", "0", "1"],
    "tags": ["[bench, synthetic]", "b, a, b", "[]"],
    "text": ["gold to 5055", "'50%, \"quoted\"'"],
    "url": ["https://example.com/a"],
    "quote": ["they said so"],
    "source_kind": ["bank", "person"],
}
GENERAL = [
    {"claim": '"gold $5055 by end-2026"'},
    {"claim": '"BTC holds 80000 until 2026-03-31"'},
    {"kind": "close_between", "level": "6000", "upper": "7000"},
    {"kind": "touch_above", "level": "+20%"},
]


@st.composite
def entries(draw: st.DrawFn) -> dict[str, str]:
    fields = {key: draw(st.sampled_from(values)) for key, values in FIELDS.items()}
    for key in draw(st.lists(st.sampled_from(sorted(OPTIONAL)), max_size=3, unique=True)):
        fields[key] = draw(st.sampled_from(OPTIONAL[key]))
    if draw(st.integers(0, 4)) == 0:  # one in five read only the general way
        general = draw(st.sampled_from(GENERAL))
        if "claim" in general:
            for key in ("symbol", "kind", "level", "deadline"):
                fields.pop(key)
        fields.update(general)
    return fields


def import_file(batch: list[dict[str, str]]) -> str:
    lines = ["sources:", "  - {name: JPMorgan, kind: bank}", "predictions:"]
    for fields in batch:
        for number, (key, value) in enumerate(fields.items()):
            lines.append(f"  {'- ' if number == 0 else '  '}{key}: {value}")
    return "\n".join(lines) + "\n"


class StoppedClock(datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return STOPPED if tz is not None else STOPPED.replace(tzinfo=None)


def tables(url: str) -> dict[str, list[tuple]]:
    engine = open_ledger(url)
    try:
        with engine.connect() as connection:
            names = [
                row[0]
                for row in connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                )
            ]
            return {
                name: sorted(connection.execute(text(f'SELECT * FROM "{name}"')), key=repr)
                for name in names
            }
    finally:
        engine.dispose()


def imported(url: str, file_text: str) -> None:
    """What `forecast import` does with the file."""
    engine = open_ledger(url)
    try:
        with Session(engine) as session, session.begin():
            batch = read_import_text(file_text, path="f.yaml", today=TODAY)
            record_import(session, batch, recorded_ids(session, batch.entries))
    finally:
        engine.dispose()


def recorded_one_by_one(url: str, file_text: str) -> None:
    """The oracle: general reading, one claim per call, the log read back."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_import, "_read_plain_entries", _no_plain_entries)
        batch = read_import_text(file_text, path="f.yaml", today=TODAY)

    def logged_from_stored_rows(session, claim_ids, *args) -> None:
        prooflog.append_claims(session, claim_ids)

    engine = open_ledger(url)
    try:
        with pytest.MonkeyPatch.context() as patch, Session(engine) as session:
            patch.setattr(prooflog, "append_inserted_claims", logged_from_stored_rows)
            with session.begin():
                ensure_sources(session, [(s.name, s.kind) for s in batch.sources])
                ensure_sources(session, [(e.source, e.source_kind) for e in batch.entries])
                for entry in batch.entries:
                    record_claims(session, [entry])
    finally:
        engine.dispose()


@settings(max_examples=40, deadline=None)
@given(st.lists(entries(), min_size=1, max_size=8))
def test_an_import_leaves_the_ledger_one_claim_at_a_time_leaves(
    batch: list[dict[str, str]],
) -> None:
    file_text = import_file(batch + batch[: len(batch) // 3])  # some entries twice
    try:
        read_import_text(file_text, path="f.yaml", today=TODAY)
    except ImportFileError:  # refused (two entries of one claim that disagree, ...)
        return  # both ways alike: tests/transfer/test_plain_entries.py
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        patch.setattr(core_tables, "datetime", StoppedClock)
        whole, single = Path(tmp) / "whole.sqlite3", Path(tmp) / "single.sqlite3"
        imported(f"sqlite:///{whole}", file_text)
        recorded_one_by_one(f"sqlite:///{single}", file_text)
        got, expected = tables(f"sqlite:///{whole}"), tables(f"sqlite:///{single}")
    assert got["prediction"], "nothing was recorded"
    assert got == expected
