"""A claim id beyond what an id column holds is a usage error, not an OverflowError
(SQLite) or a driver error (PostgreSQL)."""

from __future__ import annotations

import pytest
from cli_runner import forecast

HUGE = "99999999999999999999999"
TOO_BIG_FOR_SQLITE = str(2**63)
TOO_BIG_FOR_POSTGRESQL = str(2**31)


@pytest.fixture
def db(migrated_url: str, capsys) -> str:
    added = forecast(
        capsys, "--db", migrated_url, "add", "gold $5055 by end-2026", "-s", "me",
        "--made-on", "2025-11-20",
    )  # fmt: skip
    assert added.code == 0, added.err
    return migrated_url


@pytest.mark.parametrize("number", [HUGE, TOO_BIG_FOR_SQLITE, TOO_BIG_FOR_POSTGRESQL, "0"])
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("show", "{id}"), id="show"),
        pytest.param(("void", "{id}", "--why", "typo"), id="void"),
        pytest.param(("resolve", "{id}", "--outcome", "true", "--note", "x"), id="resolve"),
        pytest.param(
            ("add", "gold $6000 by end-2026", "-s", "me", "--revises", "{id}"), id="revises"
        ),
    ],
)
def test_an_impossible_id_is_one_line_and_exit_2(capsys, db: str, command, number: str) -> None:
    result = forecast(capsys, "--db", db, *(a.format(id=number) for a in command))
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err and "OverflowError" not in result.err
    assert "is not a claim id" in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


def test_the_largest_id_is_simply_not_found(capsys, db: str) -> None:
    result = forecast(capsys, "--db", db, "show", str(2**31 - 1))
    assert result.code == 2
    assert f"no claim with id {2**31 - 1}" in result.err
