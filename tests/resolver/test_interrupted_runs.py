"""A run killed with kill -9 is shown as interrupted, never as running forever."""

from __future__ import annotations

import socket
from datetime import UTC, date, datetime
from pathlib import Path

from cli_runner import forecast
from price_files import flat_bars, write_csv
from sqlmodel import Session

from ledger.market.csv_source import CsvSource
from ledger.resolver import run_resolver
from ledger.store.runs import acquire_lock, recent_runs
from ledger.store.session import open_ledger
from ledger.store.tables import ResolveLockRow, ResolveRunRow

DEAD_PID = 999_999  # far above any pid_max a test machine uses by default


def leave_a_killed_run(engine) -> int:
    """What kill -9 leaves behind: a run row never finished and the dead holder's lock."""
    now = datetime.now(UTC)
    with Session(engine) as session, session.begin():
        row = ResolveRunRow(as_of=date(2026, 7, 1), price_source="csv:/x", started_at=now)
        session.add(row)
        session.add(
            ResolveLockRow(
                name="resolve",
                holder=f"{socket.gethostname()}:{DEAD_PID}:dead",
                host=socket.gethostname(),
                pid=DEAD_PID,
                acquired_at=now,
                heartbeat_at=now,
            )
        )
        session.flush()
        return row.id


def test_the_next_run_marks_a_killed_run_interrupted(engine, tmp_path: Path) -> None:
    killed = leave_a_killed_run(engine)
    write_csv(tmp_path / "p", "GC=F", flat_bars("2026-01-01", "2026-07-10", 4000.0))
    summary = run_resolver(
        engine, CsvSource(tmp_path / "p"), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    with Session(engine) as session:
        runs = {r.id: r for r in recent_runs(session)}
    assert runs[summary.run_id].state == "ok"
    old = runs[killed]
    assert old.finished_at is None  # it never finished: its counts are not a run's
    assert old.interrupted_at is not None
    assert old.state == "interrupted"
    assert old.to_json()["interrupted_at"] is not None


def test_an_unfinished_run_without_a_live_lock_is_not_shown_running(engine) -> None:
    killed = leave_a_killed_run(engine)
    with Session(engine) as session:
        (record,) = recent_runs(session)
    assert record.id == killed and record.state == "interrupted"


def test_the_run_holding_the_lock_is_running(engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(ResolveRunRow(as_of=date(2026, 7, 1), price_source="csv:/x"))
    lock = acquire_lock(engine)  # marks the run above, which held no lock
    try:
        with Session(engine) as session, session.begin():
            session.add(ResolveRunRow(as_of=date(2026, 7, 2), price_source="csv:/x"))
        with Session(engine) as session:
            states = [r.state for r in recent_runs(session)]
    finally:
        lock.release()
    assert states == ["running", "interrupted"]


def test_forecast_runs_shows_the_interrupted_state(capsys, migrated_url: str, tmp_path) -> None:
    engine = open_ledger(migrated_url)
    killed = leave_a_killed_run(engine)
    write_csv(tmp_path / "p", "GC=F", flat_bars("2026-01-01", "2026-07-10", 4000.0))
    result = forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{tmp_path / 'p'}", "--json"
    )
    assert result.code == 0, result.err
    shown = forecast(capsys, "--db", migrated_url, "runs")
    line = next(line for line in shown.out.splitlines() if line.startswith(f"#{killed} "))
    assert line.endswith("[interrupted]")
    listed = {r["id"]: r for r in forecast(capsys, "--db", migrated_url, "runs", "--json").json()}
    assert listed[killed]["state"] == "interrupted"
    assert listed[killed]["finished_at"] is None
    engine.dispose()
