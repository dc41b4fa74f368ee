"""Upgrading a ledger that predates the log: the first open builds the log from
its tables and says that history is attested only from then on."""

from __future__ import annotations

import importlib

from alembic import command
from cli_runner import forecast
from sqlalchemy import create_engine, inspect, text

from ledger.store.engine import make_engine
from ledger.store.guards import drop_guards
from ledger.store.schema import alembic_config, current_revision, head_revision

# The revision the proof log's migration upgrades from: a ledger as it was before the log.
BEFORE_THE_LOG = importlib.import_module(
    "ledger.store.migrations.versions.0010_proof_log"
).down_revision


def _downgrade_to_before_the_log(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), BEFORE_THE_LOG)
    assert current_revision(engine) == BEFORE_THE_LOG
    assert "proof_log" not in inspect(engine).get_table_names()
    engine.dispose()


def test_an_upgraded_ledger_logs_its_history_once(capsys, busy_ledger: str) -> None:
    before = forecast(capsys, "--db", busy_ledger, "list", "--json").json()
    _downgrade_to_before_the_log(busy_ledger)

    result = forecast(capsys, "--db", busy_ledger, "verify")
    assert result.code == 0, result.out
    assert "attested only from then on" in result.err
    assert current_revision(make_engine(busy_ledger)) == head_revision()
    head = forecast(capsys, "--db", busy_ledger, "head", "--json").json()
    backfilled = head["attested_from"]["entries_before"]
    assert head["size"] == backfilled + 1  # the history, then the marker entry
    assert forecast(capsys, "--db", busy_ledger, "list", "--json").json() == before

    # Opening again builds nothing more; new work is logged after the marker.
    assert forecast(capsys, "--db", busy_ledger, "head", "--json").json()["size"] == head["size"]
    forecast(capsys, "--db", busy_ledger, "add", "gold $6000 by 2027-06-30", "-s", "X")
    assert (
        forecast(
            capsys, "--db", busy_ledger, "verify", "--head", f"{head['size']}:{head['root']}"
        ).code
        == 0
    )

    # The backfilled history is guarded and checked like the rest.
    engine = create_engine(busy_ledger)
    with engine.begin() as connection:
        drop_guards(connection)
        connection.execute(text("UPDATE prediction SET level = 7777 WHERE id = 1"))
    engine.dispose()
    tampered = forecast(capsys, "--db", busy_ledger, "verify")
    assert tampered.code == 1
    assert "claim 1: level is 7777.0 in the ledger, 5055.0 in the log" in tampered.out
