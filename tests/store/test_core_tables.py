"""The Core tables the everyday commands use are the ORM models' tables, exactly.

`ledger.store.core_tables` spells the schema a second time, as plain `Table`s,
so that `add`, `list`, `show` and `score` need not build the seventeen SQLModel
classes. A column, default or constraint that differs would read or write
something the schema (the models, the migrations) does not say: these tests
compare the two, attribute by attribute and by the DDL each gives.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import (
    CheckConstraint,
    ForeignKeyConstraint,
    Table,
    UniqueConstraint,
    create_mock_engine,
)

from ledger.store import core_tables
from ledger.store.tables import metadata as model_metadata


def _column_facts(table: Table) -> list[tuple]:
    facts = []
    for column in table.columns:
        facts.append(
            (
                column.name,
                repr(column.type),
                column.nullable,
                column.primary_key,
                column.autoincrement,
                bool(column.index),
                bool(column.unique),
                None if column.default is None else column.default.arg,
                None if column.server_default is None else str(column.server_default.arg),
                sorted((fk.target_fullname, fk.ondelete) for fk in column.foreign_keys),
            )
        )
    return facts


def _constraint_facts(table: Table) -> set[tuple]:
    facts = set()
    for constraint in table.constraints:
        columns = tuple(c.name for c in constraint.columns)
        if isinstance(constraint, CheckConstraint):
            facts.add(("check", constraint.name, str(constraint.sqltext)))
        elif isinstance(constraint, ForeignKeyConstraint):
            facts.add(("fk", constraint.name, columns, constraint.ondelete))
        elif isinstance(constraint, UniqueConstraint):
            facts.add(("unique", constraint.name, columns))
        else:
            facts.add((type(constraint).__name__, constraint.name, columns))
    for index in table.indexes:
        where = index.dialect_options["sqlite"]["where"]
        facts.add(
            (
                "index",
                index.name,
                tuple(c.name for c in index.columns),
                index.unique,
                None if where is None else str(where),
            )
        )
    return facts


def test_the_same_tables_in_the_same_order() -> None:
    assert list(core_tables.metadata.tables) == list(model_metadata.tables)
    assert core_tables.metadata.naming_convention == model_metadata.naming_convention


@pytest.mark.parametrize("name", sorted(model_metadata.tables))
def test_each_table_has_the_models_columns_and_constraints(name: str) -> None:
    core, model = core_tables.metadata.tables[name], model_metadata.tables[name]
    assert _column_facts(core) == _column_facts(model)
    assert _constraint_facts(core) == _constraint_facts(model)
    # Every table of the module's own is the one its metadata holds, by its name.
    assert getattr(core_tables, name) is core


@pytest.mark.parametrize("url", ["sqlite://", "postgresql+psycopg://"], ids=["sqlite", "pg"])
def test_the_same_ddl(url: str) -> None:
    def ddl(metadata) -> list[str]:
        statements: list[str] = []

        def record(statement, *multiparams, **params) -> None:
            statements.append(str(statement.compile(dialect=engine.dialect)).strip())

        engine = create_mock_engine(url, record)
        metadata.create_all(engine, checkfirst=False)
        return statements

    core, model = ddl(core_tables.metadata), ddl(model_metadata)
    if url.startswith("postgresql"):
        # The models give the partial indexes their PostgreSQL predicates when
        # they create them; nothing creates a table from the Core metadata.
        for predicate in core_tables.POSTGRESQL_PREDICATES.values():
            model = [s.replace(f" WHERE {predicate}", "") for s in model]
    # A table's indexes are a set: the order they are created in is no part of the schema.
    assert sorted(core) == sorted(model)


def test_the_core_tables_build_no_orm_class() -> None:
    code = (
        "import sys, ledger.store.core_tables; m = sys.modules;"
        " print('ledger.store.tables' in m, 'sqlalchemy.dialects.postgresql' in m)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
