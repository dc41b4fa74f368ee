"""A team ledger on PostgreSQL: the application's role, limited by `forecast db
grants`, does all the application does and cannot rewrite history by hand."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from cli_runner import forecast
from ledger_templates import schema_of
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from ledger.store.guards import grants_sql


def test_the_application_role_cannot_rewrite_history(capsys, ledger_url: str, prices: Path) -> None:
    if not ledger_url.startswith("postgresql"):
        pytest.skip("roles and column privileges are PostgreSQL's")
    url = make_url(ledger_url)
    schema = schema_of(url)
    owner_run = forecast(capsys, "--db", ledger_url, "add", "gold $5055 by 2026-06-30", "-s", "A",
                         "--made-on", "2025-11-20")  # fmt: skip
    assert owner_run.code == 0  # the owner migrates the ledger and installs the triggers
    role = f"app_{uuid.uuid4().hex[:12]}"
    admin = create_engine(ledger_url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
        connection.exec_driver_sql(grants_sql(role, schema))
    app = url.set(username=role).render_as_string(hide_password=False)
    try:
        db = ("--db", app)
        for args in (
            ("add", "silver $60 by 2026-06-30", "-s", "B", "--made-on", "2025-11-20"),
            ("add", "BTC +20% within 90 days", "-s", "C", "--made-on", "2025-11-20"),
            ("alias", "add", "copper", "HG=F"),
            ("alias", "remove", "copper"),
            ("resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"),
            ("void", "2", "--why", "wrong market"),
            ("verify",),
        ):
            result = forecast(capsys, *db, *args)
            assert result.code == 0, (args, result.err)
        engine = create_engine(app)
        for statement in (
            "UPDATE prediction SET deadline = made_on WHERE id = 1",
            "UPDATE resolution SET outcome = 'true'",
            "DELETE FROM resolution",
            "DELETE FROM proof_log",
            "UPDATE proof_log SET entry = 'x'",
            "DROP TRIGGER ledger_guard_claim ON prediction",
        ):
            refused = pytest.raises(DBAPIError, match=r"permission denied|must be owner")
            with refused, engine.begin() as connection:
                connection.execute(text(statement))
        engine.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()
