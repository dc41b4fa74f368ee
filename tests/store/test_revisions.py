"""A revision is the same source changing its own call, on or after the day it made it.

Checked where every way in records claims (`record_claims`), so `forecast add
--revises`, `forecast import` (revises by key or fingerprint) and the TUI's add
form all refuse a revision by another source, or one dated before the claim
it revises, with one line saying why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import forecast
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.errors import UsageError
from ledger.records import NewClaim
from ledger.store.claims import ClaimFilter, list_claims, record_claims
from ledger.store.session import open_ledger


def entry(source: str, text: str, made_on: date, **revises) -> NewClaim:
    return NewClaim(source=source, claim=parse_claim(text, made_on=made_on), text=text, **revises)


def add(capsys, db: str, text: str, source: str, made_on: str, *extra: str):
    return forecast(capsys, "--db", db, "add", text, "-s", source, "--made-on", made_on, *extra)


@pytest.fixture
def db(capsys, ledger_url: str) -> str:
    result = add(capsys, ledger_url, "gold $5055 by end-2026", "JPMorgan", "2025-11-20")
    assert result.code == 0, result.err
    return ledger_url


def claim_count(capsys, db: str) -> int:
    return len(forecast(capsys, "--db", db, "list", "--json").json())


@pytest.mark.parametrize(
    ("source", "made_on", "needle"),
    [
        pytest.param(
            "Goldman Sachs",
            "2026-02-03",
            "claim #1 is by JPMorgan, not Goldman Sachs: a source can only revise its own claims",
            id="another-source",
        ),
        pytest.param(
            "JPMorgan",
            "2025-11-19",
            "claim #1 was made on 2025-11-20, after this call (2025-11-19)",
            id="dated-before-the-original",
        ),
    ],
)
def test_add_refuses_a_revision_that_is_not_one(
    capsys, db: str, source: str, made_on: str, needle: str
) -> None:
    result = add(capsys, db, "gold $6300 by end-2026", source, made_on, "--revises", "1")
    assert result.code == 2
    assert needle in result.err and result.err.count("\n") == 1
    assert claim_count(capsys, db) == 1


@pytest.mark.parametrize("made_on", ["2025-11-20", "2026-02-03"], ids=["same-day", "later"])
def test_add_accepts_the_same_source_on_or_after_the_day(capsys, db: str, made_on: str) -> None:
    # The source's name is matched as the ledger keys it (case and spacing aside).
    result = add(capsys, db, "gold $6300 by end-2026", "jpmorgan ", made_on, "--revises", "1")
    assert result.code == 0, result.err
    assert forecast(capsys, "--db", db, "show", "2", "--json").json()["revises_id"] == 1


IMPORT = """\
predictions:
  - source: JPMorgan
    key: jpm-gold
    made_on: 2025-11-20
    claim: "gold $5055 by end-2026"
  - source: {source}
    made_on: {made_on}
    claim: "gold $6300 by end-2026"
    revises: {revises}
"""


@pytest.mark.parametrize(
    ("source", "made_on", "needle"),
    [
        pytest.param("Goldman Sachs", "2026-02-03", "not Goldman Sachs", id="another-source"),
        pytest.param("JPMorgan", "2025-10-01", "after this call (2025-10-01)", id="earlier"),
    ],
)
@pytest.mark.parametrize("target", ["key", "fingerprint"])
def test_import_refuses_a_revision_that_is_not_one(
    capsys, ledger_url: str, tmp_path: Path, source: str, made_on: str, needle: str, target: str
) -> None:
    revises = "jpm-gold"
    if target == "fingerprint":  # the revised claim is already in the ledger
        assert add(capsys, ledger_url, "gold $5055 by end-2026", "JPMorgan", "2025-11-20").code == 0
        shown = forecast(capsys, "--db", ledger_url, "show", "1", "--json").json()
        revises = shown["fingerprint"]
    path = tmp_path / "file.yaml"
    path.write_text(IMPORT.format(source=source, made_on=made_on, revises=revises))
    result = forecast(capsys, "--db", ledger_url, "import", str(path))
    assert result.code == 2, result.out
    assert needle in result.err and result.err.count("\n") == 1
    assert claim_count(capsys, ledger_url) == (1 if target == "fingerprint" else 0)


def test_import_accepts_a_true_revision(capsys, ledger_url: str, tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(IMPORT.format(source="JPMorgan", made_on="2026-02-03", revises="jpm-gold"))
    result = forecast(capsys, "--db", ledger_url, "import", str(path))
    assert result.code == 0, result.err
    claims = forecast(capsys, "--db", ledger_url, "list", "--json").json()
    assert [c["revises_id"] for c in claims] == [None, claims[0]["id"]]


def test_the_store_checks_every_path_in(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            (first,) = record_claims(
                session, [entry("Ann Lee", "gold $5000 by end-2026", date(2025, 11, 20))]
            ).added
        refused = (
            ("Bob Roe", date(2026, 1, 5), "by Ann Lee, not Bob Roe"),
            ("Ann Lee", date(2025, 11, 1), "after this call"),
        )
        for source, made_on, message in refused:
            with Session(engine) as session, pytest.raises(UsageError, match=message):
                revision = entry(source, "gold $5200 by end-2026", made_on, revises_id=first)
                record_claims(session, [revision])
        with Session(engine) as session:
            assert [c.id for c in list_claims(session, ClaimFilter())] == [first]
    finally:
        engine.dispose()
