"""Migrations: an empty database upgrades, the result equals the models, and a
database from a newer forecast-ledger is refused."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect, text
from sqlalchemy.exc import IntegrityError

from ledger.errors import SchemaError
from ledger.store.engine import make_engine
from ledger.store.schema import current_revision, head_revision, upgrade
from ledger.store.session import open_ledger
from ledger.store.tables import metadata


def test_empty_database_upgrades_to_head(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    wanted = {"source", "prediction", "resolution", "price_bar_block", "resolve_run", "alias"}
    assert wanted <= tables
    assert "price_bar" not in tables


def test_migrated_schema_equals_the_models(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == [], f"models and migrations differ: write a migration for {diff}"


def test_migrated_check_constraints_carry_the_models_names(ledger_url: str) -> None:
    """Alembic's comparison skips CHECK constraints; a migration that names one through the
    naming convention twice ("ck_price_bar_ck_price_bar_quality") leaves a name a later
    downgrade cannot find, so the names are compared here."""
    engine = open_ledger(ledger_url)
    inspector = inspect(engine)
    for table in metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue  # a view in the models
        migrated = {check["name"] for check in inspector.get_check_constraints(table.name)}
        modelled = {
            str(constraint.name)
            for constraint in table.constraints
            if isinstance(constraint, CheckConstraint) and constraint.name
        }
        assert modelled <= migrated, (table.name, sorted(modelled - migrated), sorted(migrated))


def test_opening_twice_is_a_no_op(ledger_url: str) -> None:
    open_ledger(ledger_url)
    open_ledger(ledger_url)
    assert current_revision(make_engine(ledger_url)) == head_revision()


def test_database_newer_than_code_is_refused(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_future'"))
    with pytest.raises(SchemaError, match="newer than this forecast-ledger"):
        open_ledger(ledger_url)


def test_sqlite_pragmas_are_on(tmp_path) -> None:
    engine = open_ledger(str(tmp_path / "x.db"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


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
        "probability": None,
        "status": "open",
        "text": "gold $5055 by end-2026",
        "normalized": "GC=F touch_above 5055 by 2026-12-31",
        "fingerprint": "f" * 32,
    }
    values.update(overrides)
    columns = ", ".join(values) + ", created_at"
    params = ", ".join(f":{k}" for k in values) + ", CURRENT_TIMESTAMP"
    connection.execute(text(f"INSERT INTO prediction ({columns}) VALUES ({params})"), values)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"probability": 1.5}, id="probability-above-1"),
        pytest.param({"probability": -0.1}, id="probability-below-0"),
        pytest.param({"deadline": date(2025, 11, 1)}, id="deadline-before-made-on"),
        pytest.param({"kind": "touch_sideways"}, id="unknown-kind"),
        pytest.param({"status": "maybe"}, id="unknown-status"),
        pytest.param({"level": -5.0}, id="negative-level"),
        pytest.param({"source_id": 999_999}, id="missing-source-foreign-key"),
    ],
)
def test_schema_rejects_what_python_would(ledger_url: str, overrides: dict) -> None:
    engine = open_ledger(ledger_url)
    with engine.begin() as connection:
        source_id = _insert_source(connection)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_prediction(connection, source_id, **overrides)


def test_schema_rejects_duplicate_fingerprint_and_bar(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_prediction(connection, source_id)
    block = (
        "INSERT INTO price_bar_block (symbol, year, first, last, bars, days, open, high, low,"
        " close, volume, quality, fetched_at, data_sources, source) VALUES ('GC=F', 2026,"
        " '2026-01-02', '2026-01-02', 1, :days, :price, :price, :price, :price, :price,"
        " :quality, :fetched, '[\"test\"]', :source)"
    )
    values = {
        "days": (20455).to_bytes(4, "little"),
        "price": b"\0" * 8,
        "quality": b"\0",
        "fetched": b"\0" * 8,
        "source": b"\0\0",
    }
    with engine.begin() as connection:
        connection.execute(text(block), values)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text(block), values)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"bars": 0}, id="no-bars"),
        pytest.param({"bars": 2}, id="fewer-days-than-bars"),
        pytest.param({"close": b"\0" * 4}, id="short-close-column"),
        pytest.param({"last": date(2025, 12, 31)}, id="last-before-first"),
    ],
)
def test_schema_holds_each_bar_block_to_its_bar_count(ledger_url: str, overrides: dict) -> None:
    engine = open_ledger(ledger_url)
    values = {
        "symbol": "GC=F",
        "year": 2026,
        "first": date(2026, 1, 2),
        "last": date(2026, 1, 2),
        "bars": 1,
        "days": (20455).to_bytes(4, "little"),
        "open": b"\0" * 8,
        "high": b"\0" * 8,
        "low": b"\0" * 8,
        "close": b"\0" * 8,
        "volume": b"\0" * 8,
        "quality": b"\0",
        "fetched_at": b"\0" * 8,
        "data_sources": '["test"]',
        "source": b"\0\0",
    }
    from ledger.store.core_tables import price_bar_block

    with engine.begin() as connection:
        connection.execute(price_bar_block.insert(), values)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(price_bar_block.insert(), {**values, "year": 2027, **overrides})


def test_one_current_resolution_per_claim(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
        pid = connection.execute(text("SELECT id FROM prediction")).scalar()
    insert = text(
        "INSERT INTO resolution (prediction_id, outcome, method, is_current, created_at) "
        "VALUES (:pid, 'true', 'auto', :cur, CURRENT_TIMESTAMP)"
    )
    with engine.begin() as connection:
        connection.execute(insert, {"pid": pid, "cur": True})
        connection.execute(insert, {"pid": pid, "cur": False})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert, {"pid": pid, "cur": True})


def test_upgrade_from_previous_revision_keeps_rows(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        row = connection.execute(text("SELECT symbol, level, open_reason FROM prediction")).one()
    assert tuple(row) == ("GC=F", 5055.0, None)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE prediction SET open_reason = 'bored'"))


def test_upgrade_to_level_rules_keeps_rows_and_checks_the_rule(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0006")
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
        _insert_prediction(
            connection,
            source_id,
            level=None,
            relative_kind="percent",
            relative_value=20.0,
            fingerprint="r" * 32,
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT level, relative_kind, level_rule, level_params FROM prediction ORDER BY id"
            )
        ).all()
    assert [tuple(r) for r in rows] == [(5055.0, None, None, None), (None, "percent", None, None)]
    with engine.begin() as connection:  # a pending computed level: no level, a rule
        _insert_prediction(
            connection,
            source_id,
            level=None,
            level_rule="support",
            level_params='{"lookback": 60, "pivot": 3}',
            fingerprint="s" * 32,
        )
    for overrides in (
        {"level": None},  # neither a level, a relative level nor a rule
        {"level": None, "level_rule": "astrology", "level_params": "{}"},
        {"level": None, "level_rule": "support"},  # a rule without its parameters
    ):
        with pytest.raises(IntegrityError), engine.begin() as connection:
            _insert_prediction(connection, source_id, fingerprint="x" * 32, **overrides)


def test_upgrade_to_ranges_and_vague_keeps_rows_and_checks_the_new_kinds(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0006")
    with engine.begin() as connection:
        source_id = _insert_source(connection)
        _insert_prediction(connection, source_id)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        row = connection.execute(text("SELECT kind, level, upper_level FROM prediction")).one()
    assert tuple(row) == ("touch_above", 5055.0, None)
    band = {
        "kind": "hold_between",
        "level": 4000.0,
        "upper_level": 4500.0,
        "normalized": "GC=F hold_between 4000 and 4500 by 2026-12-31",
        "fingerprint": "b" * 32,
    }
    vague = {
        "kind": "vague",
        "level": None,
        "status": "vague",
        "deadline": date(2025, 11, 20),
        "window_start": date(2025, 11, 20),
        "normalized": "vague: the squeeze is not over",
        "fingerprint": "v" * 32,
    }
    with engine.begin() as connection:
        _insert_prediction(connection, source_id, **band)
        _insert_prediction(connection, source_id, **vague)
    refused = [
        {**band, "upper_level": None},  # a band without its ceiling
        {**band, "upper_level": 3000.0},  # a ceiling below the floor
        {"upper_level": 6000.0},  # a ceiling on a one-level kind
        {**vague, "status": "open"},  # a vague call the resolver would take up
        {**vague, "level": 10.0},  # a vague call with a level
        {**vague, "probability": 0.5},  # a vague call is never scored
        {"status": "vague"},  # a judged kind marked vague
        {"level": None},  # only a vague call may lack a level
    ]
    for number, overrides in enumerate(refused):
        overrides = {**overrides, "fingerprint": f"{number:032d}"}
        with pytest.raises(IntegrityError), engine.begin() as connection:
            _insert_prediction(connection, source_id, **overrides)


def test_revisions_read_from_the_migration_files_are_alembics() -> None:
    """The start-up check reads revisions from the files; Alembic must agree on them."""
    from alembic.script import ScriptDirectory

    from ledger.store.schema import _revisions, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    known, head = _revisions()
    assert head == script.get_current_head()
    assert known == {revision.revision for revision in script.walk_revisions()}


def _insert_resolution(connection, claim_id: int, method: str, current: bool) -> None:
    connection.execute(
        text(
            "INSERT INTO resolution (prediction_id, outcome, method, is_current, created_at) "
            "VALUES (:pid, 'true', :method, :current, CURRENT_TIMESTAMP)"
        ),
        {"pid": claim_id, "method": method, "current": current},
    )


def test_upgrade_to_bar_revisions_keeps_resolutions_and_allows_revised(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0012_review")
    with engine.begin() as connection:
        _insert_prediction(connection, _insert_source(connection), status="true")
        claim_id = connection.execute(text("SELECT id FROM prediction")).scalar()
        _insert_resolution(connection, claim_id, "auto", True)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        assert connection.execute(text("SELECT method FROM resolution")).scalars().all() == ["auto"]
        _insert_resolution(connection, claim_id, "revised", False)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_resolution(connection, claim_id, "guessed", False)
    tables = set(inspect(engine).get_table_names())
    assert {"bar_revision", "resolution_revision"} <= tables
    engine.dispose()


def _insert_bar(connection, day: str, close: float, quality: str = "ok") -> None:
    connection.execute(
        text(
            "INSERT INTO price_bar (symbol, date, open, high, low, close, quality, data_source,"
            " fetched_at) VALUES ('GC=F', :day, 1, :high, 0.5, :close, :quality, 'test',"
            " CURRENT_TIMESTAMP)"
        ),
        {"day": date.fromisoformat(day), "high": close + 1, "close": close, "quality": quality},
    )


def test_upgrade_to_clustered_bars_keeps_every_bar_and_keys_them_by_symbol_and_date(
    ledger_url: str,
) -> None:
    """0016: the bar cache loses its unused id and is keyed by (symbol, date);
    on SQLite it is one B-tree (WITHOUT ROWID). The cached bars survive as they were."""
    engine = make_engine(ledger_url)
    upgrade(engine, "0015_source_version")
    with engine.begin() as connection:
        _insert_bar(connection, "2026-01-05", 2.0)
        _insert_bar(connection, "2026-01-02", 1.5, "repaired")
    upgrade(engine, "0016_price_bar_clustered")
    columns = {c["name"] for c in inspect(engine).get_columns("price_bar")}
    assert "id" not in columns
    assert inspect(engine).get_pk_constraint("price_bar")["constrained_columns"] == [
        "symbol",
        "date",
    ]
    with engine.begin() as connection:
        rows = connection.execute(
            text("SELECT symbol, date, close, quality FROM price_bar ORDER BY date")
        ).all()
        assert [(r[0], str(r[1]), r[2], r[3]) for r in rows] == [
            ("GC=F", "2026-01-02", 1.5, "repaired"),
            ("GC=F", "2026-01-05", 2.0, "ok"),
        ]
        if engine.dialect.name == "sqlite":
            ddl = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'price_bar'")
            ).scalar_one()
            assert ddl.rstrip().endswith("WITHOUT ROWID")
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_bar(connection, "2026-01-05", 3.0)
    engine.dispose()


def test_downgrade_from_clustered_bars_gives_them_ids_again(ledger_url: str) -> None:
    engine = make_engine(ledger_url)
    upgrade(engine, "0016_price_bar_clustered")
    with engine.begin() as connection:
        _insert_bar(connection, "2026-01-02", 1.5)
    from alembic import command

    from ledger.store.schema import alembic_config

    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.downgrade(alembic_config(connection), "0015_source_version")
    with engine.begin() as connection:
        row = connection.execute(text("SELECT id, symbol, close FROM price_bar")).one()
    assert row[0] is not None and tuple(row[1:]) == ("GC=F", 1.5)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_bar(connection, "2026-01-02", 3.0)
    engine.dispose()


def _prediction_indexes(engine) -> dict[str, list[str]]:
    return {
        index["name"]: index["column_names"] for index in inspect(engine).get_indexes("prediction")
    }


def test_upgrade_to_the_open_claims_index_and_back(ledger_url: str) -> None:
    """0018: the two indexes holding `status` give way to a partial index of the
    open claims by deadline and an index by symbol; the downgrade puts them back.
    The claims are untouched and the open one is found through the new index."""
    engine = make_engine(ledger_url)
    upgrade(engine, "0017_price_bar_blocks")
    with engine.begin() as connection:
        _insert_prediction(connection, _insert_source(connection))
    before = _prediction_indexes(engine)
    assert before["ix_prediction_status_deadline"] == ["status", "deadline"]
    assert before["ix_prediction_symbol_status"] == ["symbol", "status"]
    upgrade(engine, "0018_open_claims_index")
    after = _prediction_indexes(engine)
    assert "ix_prediction_status_deadline" not in after
    assert "ix_prediction_symbol_status" not in after
    assert after["ix_prediction_open_deadline"] == ["deadline"]
    assert after["ix_prediction_symbol"] == ["symbol"]
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            ddl = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'ix_prediction_open_deadline'")
            ).scalar_one()
        else:
            ddl = connection.execute(
                text(
                    # Each test's ledger is a schema of one database: this test's only.
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND indexname = 'ix_prediction_open_deadline'"
                )
            ).scalar_one()
        assert "WHERE" in ddl and "status" in ddl and "'open'" in ddl
        row = connection.execute(text("SELECT symbol, status FROM prediction")).one()
        assert tuple(row) == ("GC=F", "open")
    from alembic import command

    from ledger.store.schema import alembic_config

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0017_price_bar_blocks")
    assert _prediction_indexes(engine) == before
    engine.dispose()


def test_upgrade_to_the_claim_list_indexes_and_back(ledger_url: str) -> None:
    """0019: the claims by deadline and by the day they were made, each then by id;
    the downgrade drops both and leaves 0018's indexes as they were."""
    engine = make_engine(ledger_url)
    upgrade(engine, "0018_open_claims_index")
    with engine.begin() as connection:
        _insert_prediction(connection, _insert_source(connection))
    before = _prediction_indexes(engine)
    assert "ix_prediction_deadline" not in before and "ix_prediction_made_on" not in before
    upgrade(engine, "0019_claim_list_indexes")
    after = _prediction_indexes(engine)
    assert after["ix_prediction_deadline"] == ["deadline", "id"]
    assert after["ix_prediction_made_on"] == ["made_on", "id"]
    assert {name: after[name] for name in before} == before
    from alembic import command

    from ledger.store.schema import alembic_config

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0018_open_claims_index")
    assert _prediction_indexes(engine) == before
    engine.dispose()
