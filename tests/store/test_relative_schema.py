"""Migration 0008 (relative claims): upgrade with rows in place, and the new checks."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ledger.store.engine import make_engine
from ledger.store.schema import current_revision, head_revision, upgrade
from ledger.store.session import open_ledger


def _insert_source(connection) -> int:
    connection.execute(
        text(
            "INSERT INTO source (name, name_key, kind, created_at) "
            "VALUES ('JPMorgan', 'jpmorgan', 'bank', CURRENT_TIMESTAMP)"
        )
    )
    return connection.execute(text("SELECT id FROM source")).scalar()


def _insert_prediction(connection, owner_id: int, **overrides) -> None:
    values = {
        "source_id": owner_id,
        "symbol": "GC=F",
        "asset": "gold",
        "kind": "touch_above",
        "level": 5055.0,
        "made_on": date(2025, 11, 20),
        "window_start": date(2025, 11, 21),
        "deadline": date(2026, 12, 31),
        "status": "open",
        "text": "gold $5055 by end-2026",
        "normalized": "GC=F touch_above 5055 by 2026-12-31",
        "fingerprint": "f" * 32,
    }
    values.update(overrides)
    columns = ", ".join(values) + ", created_at"
    params = ", ".join(f":{k}" for k in values) + ", CURRENT_TIMESTAMP"
    connection.execute(text(f"INSERT INTO prediction ({columns}) VALUES ({params})"), values)


OUTPERFORM = {
    "symbol": "GC=F",
    "asset": "gold",
    "kind": "outperform",
    "level": None,
    "versus_symbol": "BTC-USD",
    "versus_asset": "bitcoin",
    "margin": 0.0,
    "made_on": date(2025, 11, 20),
    "window_start": date(2025, 11, 21),
    "deadline": date(2026, 6, 30),
    "text": "gold outperforms bitcoin from 2025-11-20 through 2026-06-30",
    "normalized": "GC=F outperforms BTC-USD by 2026-06-30",
    "fingerprint": "o" * 32,
}


def test_upgrade_from_0006_keeps_rows_and_takes_relative_claims(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0006")
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
        pid = connection.execute(text("SELECT id FROM prediction")).scalar()
        connection.execute(
            text(
                "INSERT INTO resolution (prediction_id, outcome, method, is_current, created_at,"
                " evidence_price) VALUES (:pid, 'true', 'auto', :cur, CURRENT_TIMESTAMP, 5100)"
            ),
            {"pid": pid, "cur": True},
        )
        # Before 0008 an outperformance is refused.
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO prediction (source_id, symbol, asset, kind, made_on, window_start,"
                " deadline, status, text, normalized, fingerprint, created_at) VALUES (:s, 'GC=F',"
                " 'gold', 'outperform', '2025-11-20', '2025-11-21', '2026-06-30', 'open', 't',"
                " 'n', 'x', CURRENT_TIMESTAMP)"
            ),
            {"s": source_id},
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT symbol, level, versus_symbol, margin FROM prediction")
        ).one()
        assert tuple(row) == ("GC=F", 5055.0, None, None)
        assert connection.execute(text("SELECT evidence_price FROM resolution")).scalar() == 5100
        _insert_prediction(connection, source_id, **OUTPERFORM)
        oid = connection.execute(
            text("SELECT id FROM prediction WHERE kind = 'outperform'")
        ).scalar()
        legs = json.dumps([{"symbol": "GC=F", "end_date": "2026-06-30", "end_price": 1.0}])
        connection.execute(
            text(
                "INSERT INTO resolution (prediction_id, outcome, method, is_current, created_at,"
                " leg_evidence) VALUES (:pid, 'true', 'auto', :cur, CURRENT_TIMESTAMP, :legs)"
            ),
            {"pid": oid, "cur": True, "legs": legs},
        )
        stored = connection.execute(
            text("SELECT leg_evidence FROM resolution WHERE prediction_id = :pid"), {"pid": oid}
        ).scalar()
    assert json.loads(stored)[0]["symbol"] == "GC=F"


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"versus_symbol": None}, id="outperform-without-versus"),
        pytest.param({"margin": None}, id="outperform-without-margin"),
        pytest.param({"margin": -1.0}, id="negative-margin"),
        pytest.param({"versus_reference_price": 0.0}, id="zero-versus-reference"),
        pytest.param({"kind": "touch_above"}, id="level-kind-without-level"),
    ],
)
def test_schema_rejects_bad_relative_claims(ledger_url: str, overrides: dict) -> None:
    engine = open_ledger(ledger_url)
    with engine.begin() as connection:
        source_id = _insert_source(connection)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_prediction(connection, source_id, **{**OUTPERFORM, **overrides})
