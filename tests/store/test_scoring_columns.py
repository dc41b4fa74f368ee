"""The scoring columns (`forecast score`'s and the TUI's) against the pandas frame they
replaced on the hot path, on SQLite and PostgreSQL; and the imports they spare."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from conftest import PG_ENV, _backends, _postgres_schema
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.scoring import StatusCode, status_codes
from ledger.store.claims import record_claims, resolve_manually, void_claim
from ledger.store.resolving import Decision, apply_decisions
from ledger.store.scoring import scoring_columns, scoring_frame
from ledger.store.session import open_ledger
from ledger.store.views import ClaimScope, scoreboard_columns

TODAY = date(2026, 7, 1)
MADE_ON = date(2025, 11, 20)
# (source, text, stated probability, tags, outcome: None open, "true"/"false" decided)
CLAIMS = [
    ("Goldman", "gold $5055 by end-2026", 0.7, ("metals",), None),
    ("Goldman", "gold $3000 by 2026-03-31", 0.6, ("metals", "macro"), "true"),
    ("Goldman", "silver $20 by 2026-02-28", None, (), "false"),
    ("UBS", "bitcoin $150000 by 2026-06-30", 0.4, ("crypto",), "false"),
    (
        "UBS",
        "gold outperforms bitcoin by 5 points from 2025-11-20 through 2026-06-30",
        0.55,
        (),
        "true",
    ),
    ("UBS", "the gold/silver ratio falls to 60 by 2026-06-30", None, ("metals",), "true"),
    ("JPMorgan", "gold $4000 by 2026-12-31", 0.8, (), "true"),  # early: deadline not passed
    ("JPMorgan", "oil $50 by 2026-05-31", 0.3, ("energy",), "false"),
]


@pytest.fixture(scope="module", params=_backends())
def ledger_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """One ledger per backend for the whole module: the tests only read it."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('columns') / 'ledger.sqlite3'}"
        return
    yield from _postgres_schema(os.environ[PG_ENV])


@pytest.fixture(scope="module")
def engine(ledger_url: str):
    engine = open_ledger(ledger_url)
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(
                source=source,
                claim=parse_claim(text, made_on=MADE_ON),
                text=text,
                probability=prob,
                tags=tags,
            )
            for source, text, prob, tags, _ in CLAIMS
        ]
        ids = list(record_claims(session, entries).added)
    decisions = [
        Decision(claim_id, outcome, {"data_source": "test"})
        for claim_id, (*_, outcome) in zip(ids, CLAIMS, strict=True)
        if outcome is not None
    ]
    with Session(engine) as session, session.begin():
        apply_decisions(session, decisions, run_id=None)
        void_claim(session, ids[3], "withdrawn after it resolved")
        resolve_manually(session, ids[7], "true", "by hand", today=TODAY, force=True)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("by", ["source", "asset", "tag", "year"])
def test_columns_are_the_frame_row_for_row(engine, by: str) -> None:
    with Session(engine) as session:
        frame = scoring_frame(session, by=by)
        columns = scoring_columns(session, today=TODAY, by=by)
    assert len(columns) == len(frame) >= len(CLAIMS)
    assert columns.group.tolist() == frame["group"].tolist()
    assert columns.status.tolist() == status_codes(frame["status"].to_numpy()).tolist()
    deadline = frame["deadline"].to_numpy(dtype="datetime64[D]")
    assert columns.past_deadline.tolist() == (deadline < np.datetime64(TODAY)).tolist()
    for name in ("probability", "market_prob"):
        np.testing.assert_array_equal(getattr(columns, name), frame[name].to_numpy())
    for name in ("logged_late", "withdrawn", "overridden"):
        assert getattr(columns, name).tolist() == frame[name].tolist()
    changed = columns.withdrawn | columns.overridden  # data_status is read for these only
    assert columns.data_status[changed].tolist() == frame["data_status"][changed].tolist()
    assert columns.withdrawn.sum() == 1 and columns.overridden.sum() >= 1


def test_the_tui_and_the_cli_read_the_same_claims(engine) -> None:
    with Session(engine) as session:
        cli = scoring_columns(session, today=TODAY, by="source", since=MADE_ON)
        tui = scoreboard_columns(session, by="source", scope=ClaimScope(), today=TODAY)
    names = ("status", "past_deadline", "logged_late", "withdrawn", "overridden")

    def rows(columns) -> list[tuple]:  # the two queries may return rows in other orders
        return sorted(
            zip(columns.group.tolist(), *(getattr(columns, n).tolist() for n in names), strict=True)
        )

    assert rows(cli) == rows(tui)
    assert (tui.status == StatusCode.VOID).sum() == 1


def test_a_source_filter_and_an_empty_ledger(engine, ledger_url: str) -> None:
    with Session(engine) as session:
        ubs = scoring_columns(session, today=TODAY, source="ubs")
        none = scoring_columns(session, today=TODAY, since=date(2030, 1, 1))
    assert set(ubs.group.tolist()) == {"UBS"} and len(ubs) == 3
    assert len(none) == 0 and none.group.size == none.probability.size == 0


def test_score_never_imports_pandas_or_scipy_stats(engine, ledger_url: str) -> None:
    """`forecast score` and the TUI's first screen are timed against floors that
    import neither (issue 12): a stray import costs them a third of a second or more."""
    if not ledger_url.startswith("sqlite"):
        pytest.skip("one backend is enough for an import check")
    code = (
        "import sys, contextlib, io\n"
        "from ledger.cli.app import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert run(['--db', {ledger_url!r}, 'score', '--json']) == 0\n"
        f"    assert run(['--db', {ledger_url!r}, 'calibration', '--json']) == 0\n"
        "import tui.app\n"
        "print(sorted(m for m in ('pandas', 'scipy.stats', 'ledger.resolver',"
        " 'ledger.claims.parser') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    assert done.stdout.strip() == "[]"
