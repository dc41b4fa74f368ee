"""Import and export: idempotent, atomic, and a faithful round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

EXAMPLE = Path(__file__).resolve().parents[2] / "predictions.example.yaml"


def test_example_file_imports_once(capsys, migrated_url: str) -> None:
    first = forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE), "--json")
    assert first.code == 0, first.err
    summary = first.json()
    assert summary["added"] == summary["entries"] > 10
    second = forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE))
    assert second.code == 0
    assert "nothing new" in second.err
    claims = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert len(claims) == summary["entries"]
    by_text = {c["text"]: c for c in claims}
    jpm = by_text["gold $5055 by end-2026"]
    assert (jpm["symbol"], jpm["kind"], jpm["level"], jpm["deadline"]) == (
        "GC=F",
        "touch_above",
        5055.0,
        "2026-12-31",
    )
    revision = by_text["gold $6,300 by end-2026"]
    assert revision["revises_id"] == jpm["id"]
    relative = by_text["BTC -20% within 90 days"]
    assert relative["reference_price"] == pytest.approx(86631.90)
    assert relative["level"] == pytest.approx(86631.90 * 0.8)
    sources = {
        s["name"]: s["kind"]
        for s in forecast(capsys, "--db", migrated_url, "sources", "--json").json()
    }
    assert sources["JPMorgan"] == "bank"
    assert sources["self"] == "self"


def test_one_bad_entry_writes_nothing_and_names_every_line(
    capsys, migrated_url: str, tmp_path
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "predictions:\n"
        "  - source: A\n"
        "    made_on: 2025-11-20\n"
        "    claim: gold $5055 by end-2026\n"
        "  - source: B\n"
        "    made_on: 2025-11-20\n"
        "    claim: BTC holds firm\n"
        "  - source: C\n"
        "    claim: silver hits 60 by 2026-03-31\n"
        "  - source: D\n"
        "    made_on: 2025-11-20\n"
        "    claim: ETH hits 5k by 2026-06-30\n"
        "    probability: 2\n",
        encoding="utf-8",
    )
    result = forecast(capsys, "--db", migrated_url, "import", str(path))
    assert result.code == 2
    assert "3 bad entries, nothing imported" in result.err
    assert "line 5:" in result.err and "has no level" in result.err
    assert "line 8:" in result.err and "made_on" in result.err
    assert "line 10:" in result.err and "probability" in result.err
    assert forecast(capsys, "--db", migrated_url, "list", "--json").json() == []


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        pytest.param("predictions: [\n", "not valid YAML", id="broken-yaml"),
        pytest.param("", "empty", id="empty"),
        pytest.param("just: a mapping\n", "predictions", id="no-predictions"),
        pytest.param(
            "predictions:\n  - source: A\n    made_on: 2025-11-20\n"
            "    claim: gold 5055 by end-2026\n"
            "    colour: blue\n",
            "unknown field",
            id="unknown-field",
        ),
        pytest.param(
            "predictions:\n  - source: A\n    made_on: 2025-11-20\n"
            "    claim: gold 5055 by end-2026\n"
            "    revises: no-such-key\n",
            "revises",
            id="unknown-revision",
        ),
    ],
)
def test_bad_files_are_refused_whole(
    capsys, migrated_url: str, tmp_path, content: str, needle: str
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(content, encoding="utf-8")
    result = forecast(capsys, "--db", migrated_url, "import", str(path))
    assert result.code == 2, result.err
    assert needle in result.err
    assert "Traceback" not in result.err
    assert forecast(capsys, "--db", migrated_url, "list", "--json").json() == []


def test_export_then_import_round_trips_every_field(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    """Every field survives the trip; the history comes back as history.

    The copy's claims come in open (the void one void, with its reason),
    carrying the original's resolutions as "imported", and logged by the
    copy's clock. Re-judged against the same prices they reach the same
    verdicts with the same evidence.
    """
    prices = _example_prices(tmp_path / "prices")
    resolve = ("resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    assert forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE)).code == 0
    forecast(capsys, "--db", migrated_url, "void", "2", "--why", "level was a typo")
    forecast(capsys, "--db", migrated_url, *resolve)
    exported = tmp_path / "ledger.yaml"
    assert forecast(capsys, "--db", migrated_url, "export", "-o", str(exported)).code == 0
    original = forecast(capsys, "--db", migrated_url, "export", "--format", "json").json()
    assert {"true", "false"} <= {c["status"] for c in original["claims"]}

    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert forecast(capsys, "--db", other, "import", str(exported)).code == 0
    imported = forecast(capsys, "--db", other, "export", "--format", "json").json()
    by_fingerprint = {c["fingerprint"]: c for c in original["claims"]}
    for claim in imported["claims"]:
        before = by_fingerprint[claim["fingerprint"]]
        assert claim["status"] == ("void" if before["status"] == "void" else "open")
        assert claim["void_reason"] == before["void_reason"]
        assert [(r["outcome"], r["method"]) for r in claim["resolutions"]] == [
            (r["outcome"], "imported") for r in before["resolutions"]
        ]
        assert [r["is_current"] for r in claim["resolutions"]] == [
            r["is_current"] and r["outcome"] == "void" for r in before["resolutions"]
        ]

    forecast(capsys, "--db", other, *resolve)
    copy = forecast(capsys, "--db", other, "export", "--format", "json").json()
    assert _without_ids(copy) == _without_ids(original)


def _example_prices(directory: Path) -> Path:
    """Flat gold, bitcoin and silver prices that settle some example claims each way."""
    write_csv(directory, "GC=F", flat_bars("2025-06-01", "2026-07-10", 4000.0))
    write_csv(directory, "BTC-USD", flat_bars("2025-06-01", "2026-07-10", 90000.0))
    write_csv(
        directory,
        "SI=F",
        flat_bars("2025-06-01", "2026-07-10", 50.0, lows={"2026-01-15": 39.0}),
    )
    return directory


def _without_ids(document: dict) -> dict:
    """Ids and logging times are the ledger's own; everything else must survive the trip.

    The copy's history starts with the original's resolutions, imported: the
    current one (the verdict) is compared, and the rest by outcome."""
    by_fingerprint = {c["id"]: c["fingerprint"] for c in document["claims"]}
    claims = []
    for claim in document["claims"]:
        claim = {k: v for k, v in claim.items() if k not in ("id", "created_at", "logged_late")}
        claim["revises_id"] = by_fingerprint.get(claim["revises_id"])
        claim["resolutions"] = [
            {k: v for k, v in r.items() if k not in ("id", "run_id", "created_at", "method")}
            for r in claim["resolutions"]
            if r["is_current"]
        ]
        claims.append(claim)
    sources = [{k: v for k, v in s.items() if k != "id"} for s in document["sources"]]
    return {"claims": sorted(claims, key=lambda c: c["fingerprint"]), "sources": sources}


def test_csv_export_has_a_row_per_claim(capsys, migrated_url: str) -> None:
    forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE))
    out = forecast(capsys, "--db", migrated_url, "export", "--format", "csv").out
    lines = out.strip().splitlines()
    assert lines[0].startswith("id,source,source_kind,symbol")
    assert len(lines) - 1 == len(forecast(capsys, "--db", migrated_url, "list", "--json").json())


# Columns that differ after export -> import by design, each with its reason:
# - created_at: always the copy's own clock ("logged late" cannot be forged);
#   the original's is kept in claimed_created_at (checked below);
# - claimed_created_at: the original's created_at (checked below);
# - status, open_reason, open_detail, checked_at: a copy is judged afresh by its
#   own resolve runs (status open, or void with the file's reason; checked below).
_JUDGED_AFRESH = {"status", "open_reason", "open_detail", "checked_at"}


def test_yaml_round_trip_restores_every_column(capsys, migrated_url: str, tmp_path: Path) -> None:
    """Every column of every claim, market baselines included, equal after the round trip."""
    from sqlalchemy import create_engine, text

    prices = _example_prices(tmp_path / "prices")
    resolve = ("resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    assert forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE)).code == 0
    forecast(capsys, "--db", migrated_url, "void", "2", "--why", "level was a typo")
    forecast(capsys, "--db", migrated_url, *resolve)
    exported = tmp_path / "ledger.yaml"
    assert forecast(capsys, "--db", migrated_url, "export", "-o", str(exported)).code == 0
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert forecast(capsys, "--db", other, "import", str(exported)).code == 0

    def rows(url: str) -> list[dict]:
        engine = create_engine(url)
        with engine.connect() as connection:
            # source ids are numbered in the order sources arrive: compare names
            found = connection.execute(
                text(
                    "SELECT prediction.*, source.name AS source_name FROM prediction"
                    " JOIN source ON source.id = prediction.source_id ORDER BY prediction.id"
                )
            ).mappings()
            result = [{k: v for k, v in row.items() if k != "source_id"} for row in found]
        engine.dispose()
        return result

    before, after = rows(migrated_url), rows(other)
    assert len(before) == len(after) > 10
    assert sum(row["market_prob"] is not None for row in before) > 5
    assert sum(row["market_sigma"] is not None for row in before) > 5
    for original, copy in zip(before, after, strict=True):
        for column, value in original.items():
            if column in _JUDGED_AFRESH or column in ("created_at", "claimed_created_at"):
                continue
            assert _same(copy[column], value), (column, original["normalized"])
        assert _utc(copy["claimed_created_at"]) == _utc(original["created_at"])
        assert copy["status"] == ("void" if original["status"] == "void" else "open")


def _same(copy, original) -> bool:
    """Equal as stored values, across databases: the copy is a SQLite file, which
    hands back dates and times as ISO text where PostgreSQL gives objects."""
    from datetime import date, datetime

    if original is None or copy is None:
        return original is copy
    if isinstance(original, datetime):
        return _utc(copy) == _utc(original)
    if isinstance(original, date):
        return str(copy) == original.isoformat()
    return copy == original


def _utc(moment):
    from datetime import UTC, datetime

    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
