"""A ledger holding inf or NaN (an old version, a hand edit in SQL) can still be
listed, shown, voided and exported: every renderer shows the value as stored.

SQLite stores NaN as NULL, so NaN is tried on PostgreSQL only.
"""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
import yaml
from cli_runner import forecast
from sqlalchemy import create_engine, text

from ledger.store.guards import drop_guards


def _strict_json(body: str):
    def refuse(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(body, parse_constant=refuse)


@pytest.fixture
def spoiled(capsys, migrated_url: str, request) -> tuple[str, str]:
    """A ledger whose every stored price is `bad` (inf or nan); (url, as shown)."""
    bad, shown = request.param
    if math.isnan(bad) and not migrated_url.startswith("postgresql"):
        pytest.skip("SQLite stores NaN as NULL")
    for args in (
        ("add", "gold $5055 by end-2026", "-s", "me", "--made-on", "2025-11-20"),
        ("add", "BTC -20% within 90 days", "-s", "me", "--made-on", "2025-11-20",
         "--reference-price", "80000"),
        ("resolve", "1", "--outcome", "true", "--note", "by hand", "--force"),
    ):  # fmt: skip
        assert forecast(capsys, "--db", migrated_url, *args).code == 0
    engine = create_engine(migrated_url)
    with engine.begin() as connection:
        # A hand edit of a ledger that predates the guard triggers.
        drop_guards(connection)
        connection.execute(
            text(
                "UPDATE prediction SET level = :v, market_spot = :v, market_sigma = :v, "
                "market_prob = 0.5"
            ),
            {"v": bad},
        )
        connection.execute(
            text("UPDATE prediction SET reference_price = :v WHERE reference_price IS NOT NULL"),
            {"v": bad},
        )
        connection.execute(
            text(
                "UPDATE resolution SET evidence_price = :v, level_used = :v, closest_price = :v, "
                "split_factor = :v, evidence_date = '2026-01-05', closest_date = '2026-01-02', "
                "evidence_field = 'high'"
            ),
            {"v": bad},
        )
    engine.dispose()
    return migrated_url, shown


BAD = [pytest.param((math.inf, "inf"), id="inf"), pytest.param((math.nan, "nan"), id="nan")]


def _ok(result) -> str:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result.out


@pytest.mark.parametrize("spoiled", BAD, indirect=True)
def test_list_and_show_render_the_stored_value(capsys, spoiled) -> None:
    db, shown = spoiled
    assert shown in _ok(forecast(capsys, "--db", db, "list"))
    listed = _strict_json(_ok(forecast(capsys, "--db", db, "list", "--json")))
    assert [c["level"] for c in listed] == [shown, shown]
    assert listed[1]["reference_price"] == shown
    for claim_id in ("1", "2"):
        out = _ok(forecast(capsys, "--db", db, "show", claim_id))
        assert shown in out
        detail = _strict_json(_ok(forecast(capsys, "--db", db, "show", claim_id, "--json")))
        assert detail["level"] == shown


@pytest.mark.parametrize("spoiled", BAD, indirect=True)
def test_void_works_and_reports(capsys, spoiled) -> None:
    db, shown = spoiled
    voided = _strict_json(
        _ok(forecast(capsys, "--db", db, "void", "2", "--why", "bad level", "--json"))
    )
    assert voided["status"] == "void" and voided["level"] == shown


@pytest.mark.parametrize("spoiled", BAD, indirect=True)
def test_every_export_format_carries_the_stored_value(capsys, spoiled) -> None:
    db, shown = spoiled
    document = yaml.safe_load(_ok(forecast(capsys, "--db", db, "export")))
    levels = [entry["level"] for entry in document["predictions"]]
    assert str(levels[0]) == shown and levels[1] == "-20%"
    assert str(document["predictions"][1]["reference_price"]) == shown
    rows = list(
        csv.DictReader(io.StringIO(_ok(forecast(capsys, "--db", db, "export", "-f", "csv"))))
    )
    assert [row["level"] for row in rows] == [shown, shown]
    exported = _strict_json(_ok(forecast(capsys, "--db", db, "export", "-f", "json")))
    assert [c["level"] for c in exported["claims"]] == [shown, shown]
    resolution = exported["claims"][0]["resolutions"][0]
    assert resolution["evidence_price"] == resolution["closest_price"] == shown
