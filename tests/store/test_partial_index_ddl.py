"""The partial indexes (one current resolution; the open claims) are partial on both
backends, from the models too.

`uq_resolution_current` and `ix_prediction_open_deadline` get their PostgreSQL
predicates when their table is created on PostgreSQL (naming them in
`__table_args__` would load the whole PostgreSQL dialect at every start); the
DDL the models give must still carry them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import create_mock_engine

from ledger.store.tables import metadata


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://", "sqlite://"], ids=["postgresql", "sqlite"]
)
def test_the_models_create_the_partial_indexes_partial(url: str) -> None:
    statements: list[str] = []

    def record(statement, *multiparams, **params) -> None:
        statements.append(str(statement.compile(dialect=engine.dialect)).strip())

    engine = create_mock_engine(url, record)
    metadata.create_all(engine, checkfirst=False)
    (index,) = [s for s in statements if "uq_resolution_current" in s]
    assert index == (
        "CREATE UNIQUE INDEX uq_resolution_current ON resolution (prediction_id) WHERE is_current"
    )
    (index,) = [s for s in statements if "ix_prediction_open_deadline" in s]
    assert index == (
        "CREATE INDEX ix_prediction_open_deadline ON prediction (deadline) WHERE status = 'open'"
    )


def test_the_models_load_no_postgresql_dialect() -> None:
    code = "import sys, ledger.store.tables; print('sqlalchemy.dialects.postgresql' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
