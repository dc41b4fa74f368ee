"""The proof log on a real ledger, on SQLite and PostgreSQL: an honest ledger
verifies; every way of rewriting it is refused by the database or named by
`forecast verify`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cli_runner import forecast
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from ledger.proof.entries import MUTABLE_CLAIM_COLUMNS
from ledger.store.guards import drop_guards


def verify(capsys, url: str, *extra: str):
    return forecast(capsys, "--db", url, "verify", *extra)


def tamper(url: str, *statements: str) -> None:
    """Edit the tables behind the application's back, guards dropped first."""
    engine = create_engine(url)
    with engine.begin() as connection:
        drop_guards(connection)
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_an_honest_ledger_verifies(capsys, busy_ledger: str) -> None:
    result = verify(capsys, busy_ledger)
    assert result.code == 0, result.out + result.err
    head = forecast(capsys, "--db", busy_ledger, "head", "--json").json()
    assert result.out.startswith("ok: ") and head["root"] in result.out
    kinds = {
        json.loads(e)["type"]
        for e in forecast(capsys, "--db", busy_ledger, "export", "-f", "json").json()["log"][
            "entries"
        ]
    }
    assert kinds == {"source", "alias", "claim", "resolution", "status", "filled"}
    assert "attested_from" not in head


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        pytest.param(["UPDATE prediction SET level = 6000 WHERE id = 1"],
                     "claim 1: level is 6000.0 in the ledger, 5055.0 in the log", id="level"),
        pytest.param(["UPDATE prediction SET deadline = '2027-06-30' WHERE id = 1"],
                     "claim 1: deadline is '2027-06-30' in the ledger, '2026-06-30' in the log",
                     id="deadline"),
        pytest.param(["UPDATE prediction SET made_on = '2025-11-01', window_start = '2025-11-02' "
                      "WHERE id = 1"],
                     "claim 1: made_on is '2025-11-01' in the ledger, '2025-11-20' in the log",
                     id="made_on"),
        pytest.param(["UPDATE prediction SET probability = 0.95 WHERE id = 1"],
                     "claim 1: probability is 0.95 in the ledger, 0.7 in the log",
                     id="probability"),
        pytest.param(["UPDATE resolution SET outcome = 'true' WHERE prediction_id = 2 "
                      "AND is_current"], "outcome is 'true' in the ledger, 'void' in the log",
                     id="outcome"),
        pytest.param(["UPDATE prediction SET status = 'true' WHERE id = 2"],
                     "claim 2: status is 'true' in the ledger, 'void' in the log", id="status"),
        pytest.param(["DELETE FROM prediction_tag WHERE prediction_id = 1 AND tag = 'banks'"],
                     "claim 1: tags is ['gold'] in the ledger, ['banks', 'gold'] in the log",
                     id="tag"),
        pytest.param(["DELETE FROM resolution WHERE prediction_id = 4",
                      "DELETE FROM prediction WHERE id = 4"],
                     "claim 4: logged at entry", id="delete-claim"),
        pytest.param(["DELETE FROM resolution WHERE prediction_id = 2 AND is_current"],
                     "missing from the ledger", id="delete-resolution"),
        pytest.param(["DELETE FROM proof_log WHERE seq = 3"],
                     "log entry 3: missing", id="delete-entry"),
        pytest.param(["UPDATE proof_log SET seq = -1 WHERE seq = 4",
                      "UPDATE proof_log SET seq = 4 WHERE seq = 5",
                      "UPDATE proof_log SET seq = 5 WHERE seq = -1"],
                     "the stored head says size", id="reorder-entries"),
        pytest.param(["UPDATE proof_log SET entry = replace(entry, '5055.0', '6000.0')"],
                     "its leaf hash does not match its text", id="edit-entry"),
        pytest.param(["UPDATE alias SET symbol = 'SI=F' WHERE alias = 'shiny'"],
                     "alias 'shiny': means 'SI=F' in the ledger, 'GC=F' in the log", id="alias"),
        pytest.param(["UPDATE source SET name = 'JP Morgan' WHERE name = 'JPMorgan'"],
                     "name is 'JP Morgan' in the ledger, 'JPMorgan' in the log", id="source"),
    ],
)  # fmt: skip
def test_verify_names_each_rewrite(capsys, busy_ledger: str, statements, expected: str) -> None:
    tamper(busy_ledger, *statements)
    result = verify(capsys, busy_ledger)
    assert result.code == 1
    assert expected in result.out, result.out


def test_an_inserted_log_entry_is_caught(capsys, busy_ledger: str) -> None:
    """A forged entry appended by hand (hash and all) does not move the head."""
    engine = create_engine(busy_ledger)
    with engine.begin() as connection:
        size = connection.execute(text("SELECT size FROM proof_head")).scalar()
        entry = '{"alias":"lead","symbol":"PB=F","type":"alias","v":1}'
        leaf = hashlib.sha256(b"\x00" + entry.encode()).hexdigest()
        connection.execute(
            text(
                "INSERT INTO proof_log (seq, kind, entry, leaf_hash, created_at) "
                "VALUES (:s, 'alias', :e, :h, CURRENT_TIMESTAMP)"
            ),
            {"s": size, "e": entry, "h": leaf},
        )
        connection.execute(text("INSERT INTO alias (alias, symbol, created_at) "
                                "VALUES ('lead', 'PB=F', CURRENT_TIMESTAMP)"))  # fmt: skip
    engine.dispose()
    result = verify(capsys, busy_ledger)
    assert result.code == 1 and "the stored head says size" in result.out


def test_a_claim_added_without_logging_is_caught(capsys, busy_ledger: str) -> None:
    tamper(
        busy_ledger,
        "INSERT INTO prediction (source_id, symbol, asset, kind, level, made_on, window_start, "
        "deadline, status, text, normalized, fingerprint, created_at) SELECT source_id, symbol, "
        "asset, kind, 100, made_on, window_start, deadline, 'true', text, normalized, 'f0rged', "
        "created_at FROM prediction WHERE id = 1",
    )
    result = verify(capsys, busy_ledger)
    assert result.code == 1 and "not in the log (added without logging)" in result.out


@pytest.mark.parametrize(
    ("statement", "rule"),
    [
        ("UPDATE prediction SET level = 6000 WHERE id = 1", "claims-are-not-edited"),
        ("UPDATE prediction SET deadline = '2027-06-30' WHERE id = 1", "claims-are-not-edited"),
        ("UPDATE prediction SET made_on = '2025-11-01' WHERE id = 1", "claims-are-not-edited"),
        ("UPDATE prediction SET probability = 0.9 WHERE id = 1", "claims-are-not-edited"),
        ("UPDATE prediction SET reference_price = 1 WHERE reference_price IS NOT NULL",
         "claims-are-not-edited"),
        ("DELETE FROM prediction WHERE id = 4", "claims-are-not-deleted"),
        ("DELETE FROM prediction_tag", "claims-are-not-deleted"),
        ("UPDATE resolution SET outcome = 'true' WHERE prediction_id = 2",
         "resolutions-are-history"),
        ("DELETE FROM resolution", "resolutions-are-history"),
        ("UPDATE proof_log SET entry = 'x'", "the-log-is-append-only"),
        ("DELETE FROM proof_log", "the-log-is-append-only"),
    ],
)  # fmt: skip
def test_the_database_refuses_rewrites(busy_ledger: str, statement: str, rule: str) -> None:
    engine = create_engine(busy_ledger)
    with pytest.raises((IntegrityError, DBAPIError), match=rule), engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def test_the_claim_guard_watches_every_column_but_the_application_s_own(
    busy_ledger: str,
) -> None:
    """On SQLite the guard fires only for an UPDATE that sets a guarded column
    (`UPDATE OF`): every claim column outside the application's own state must
    be named, or a change to it would pass unseen."""
    engine = create_engine(busy_ledger)
    if engine.dialect.name != "sqlite":
        engine.dispose()
        pytest.skip("PostgreSQL's guard runs on every UPDATE")
    with engine.connect() as connection:
        sql = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'ledger_guard_claim_update'")
        ).scalar_one()
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(prediction)"))]
    engine.dispose()
    watched = sql.split(" UPDATE OF ", 1)[1].split(" ON prediction", 1)[0].split(", ")
    assert sorted(watched) == sorted(
        c for c in columns if c == "id" or c not in MUTABLE_CLAIM_COLUMNS
    )


def test_the_application_own_changes_stay_possible(busy_ledger: str) -> None:
    engine = create_engine(busy_ledger)
    with engine.begin() as connection:
        connection.execute(text("UPDATE prediction SET open_reason = NULL, market_prob = 0.5"))
        connection.execute(text("UPDATE resolution SET is_current = is_current"))
    engine.dispose()


def test_a_consistent_forgery_does_not_extend_the_published_head(capsys, busy_ledger: str) -> None:
    """Rewrite a claim and rebuild the whole log from the rewritten tables: the
    forgery verifies on its own, but not against the head published before."""
    published = forecast(capsys, "--db", busy_ledger, "head").out.strip()
    assert verify(capsys, busy_ledger, "--head", published).code == 0
    tamper(
        busy_ledger,
        "UPDATE prediction SET level = 4100 WHERE id = 4",
        "DELETE FROM proof_log",
        "DELETE FROM proof_head",
    )
    rebuilt = verify(capsys, busy_ledger)  # opening rebuilds a log from the tables
    assert rebuilt.code == 0
    result = verify(capsys, busy_ledger, "--head", published)
    assert result.code == 1
    assert "does not extend the published head" in result.out


def test_a_later_head_extends_an_earlier_one(capsys, busy_ledger: str) -> None:
    earlier = forecast(capsys, "--db", busy_ledger, "head", "--json").out
    forecast(capsys, "--db", busy_ledger, "add", "gold $6000 by 2027-06-30", "-s", "X")
    result = verify(capsys, busy_ledger, "--head", earlier)
    assert result.code == 0, result.out
    size = json.loads(earlier)["size"]
    root = json.loads(earlier)["root"]
    assert verify(capsys, busy_ledger, "--head", f"{size}:{root}").code == 0
    bad = verify(capsys, busy_ledger, "--head", f"{size + 1000}:{root}")
    assert bad.code == 1 and "entries were removed" in bad.out


def test_prove_and_verify_proof(capsys, busy_ledger: str, tmp_path: Path) -> None:
    document = forecast(capsys, "--db", busy_ledger, "prove", "2").json()
    kinds = [json.loads(e["entry"])["type"] for e in document["entries"]]
    assert kinds[0] == "claim" and "resolution" in kinds
    path = tmp_path / "proof.json"
    path.write_text(json.dumps(document))
    head = forecast(capsys, "--db", busy_ledger, "head").out.strip()
    ok = forecast(capsys, "verify-proof", str(path), "--head", head)
    assert ok.code == 0, ok.out
    forged = json.loads(json.dumps(document))
    forged["entries"][0]["entry"] = forged["entries"][0]["entry"].replace('"kind"', '"kind" ')
    path.write_text(json.dumps(forged))
    bad = forecast(capsys, "verify-proof", str(path))
    assert bad.code == 1 and "entry 0 (index" in bad.out
    missing = forecast(capsys, "--db", busy_ledger, "prove", "999")
    assert missing.code == 2 and "not in the log" in missing.err


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_export_verifies_offline(capsys, busy_ledger: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"ledger.{fmt}"
    assert forecast(capsys, "--db", busy_ledger, "export", "-f", fmt, "-o", str(path)).code == 0
    result = forecast(capsys, "--db", str(tmp_path / "nothing-here.db"), "verify", str(path))
    assert result.code == 0, result.out
    assert not (tmp_path / "nothing-here.db").exists()
    edited = path.read_text().replace("2026-06-30", "2026-09-30", 1)
    path.write_text(edited)
    bad = forecast(capsys, "verify", str(path))
    assert bad.code == 1 and "deadline is '2026-09-30' in the export" in bad.out


def test_verify_usage_errors(capsys, busy_ledger: str, tmp_path: Path) -> None:
    bad_head = verify(capsys, busy_ledger, "--head", "yesterday's root")
    assert bad_head.code == 2 and "--head: not a head" in bad_head.err
    not_export = tmp_path / "x.yaml"
    not_export.write_text("predictions: []\n")
    result = forecast(capsys, "verify", str(not_export))
    assert result.code == 2 and "no 'log:' section" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_an_export_with_computed_levels_verifies_offline(
    capsys, ledger_url: str, prices: Path, tmp_path: Path, fmt: str
) -> None:
    """A YAML export writes a computed level as its rule (`level: support(60d,pivot3)`) with
    the number as `level_value`; the log holds the number, and the check compares numbers."""
    db = ("--db", ledger_url)
    made = ("--made-on", "2025-11-20", "--prices", f"csv:{prices}")
    assert forecast(capsys, *db, "add", "BTC holds support", "-s", "Desk", *made).code == 0
    assert (
        forecast(capsys, *db, "add", "gold holds its 50-day average", "-s", "Desk", *made).code == 0
    )
    path = tmp_path / f"ledger.{fmt}"
    assert forecast(capsys, *db, "export", "-f", fmt, "-o", str(path)).code == 0
    assert "support(60d,pivot3)" in path.read_text()
    result = forecast(capsys, "verify", str(path))
    assert result.code == 0, result.out
