"""filled_columns: an INSERT binds only the columns some row fills, and stores the
same rows as an INSERT of every column (import5: a quarter of a 100k-claim
import's INSERT was binding the 17 empty columns of a plain claim)."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from ledger.store.claims import _PREDICTION_COLUMNS
from ledger.store.raw import filled_columns
from ledger.store.tables import PredictionRow

COLUMNS = ("a", "b", "c", "d")
VALUES = st.none() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=3)


def as_columns(rows: list[tuple]) -> list[list]:
    return [[row[index] for row in rows] for index in range(len(COLUMNS))]


def stored(columns: tuple[str, ...], rows: list[tuple]) -> list[tuple]:
    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(COLUMNS)})")
    if rows:
        connection.executemany(
            f"INSERT INTO t ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            rows,
        )
    return connection.execute(f"SELECT id, {', '.join(COLUMNS)} FROM t ORDER BY id").fetchall()


@given(st.lists(st.tuples(*[VALUES] * len(COLUMNS)), max_size=6))
def test_the_rows_stored_are_those_of_every_column(rows: list[tuple]) -> None:
    kept, cut = filled_columns(COLUMNS, as_columns(rows))
    assert stored(kept, cut) == stored(COLUMNS, rows)
    assert len(cut) == len(rows)
    # Left out: exactly the columns no row fills (all of them kept when none is filled).
    empty = {name for i, name in enumerate(COLUMNS) if all(row[i] is None for row in rows)}
    if rows and len(empty) < len(COLUMNS):
        assert set(kept) == set(COLUMNS) - empty
    else:
        assert kept == COLUMNS


def test_one_filled_column_and_a_plain_claim() -> None:
    assert filled_columns(COLUMNS, as_columns([(None, 1, None, None), (None, 2, None, None)])) == (
        ("b",),
        [(1,), (2,)],
    )
    assert filled_columns(COLUMNS, as_columns([(None, 1, None, "x")])) == (("b", "d"), [(1, "x")])
    assert filled_columns(COLUMNS, as_columns([(None,) * 4])) == (COLUMNS, [(None,) * 4])


def test_no_inserted_prediction_column_has_a_default_but_null() -> None:
    """Why leaving an empty column out of the claims' INSERT stores what the full
    INSERT stored: none of those columns has a default of its own."""
    table = PredictionRow.__table__
    for name in _PREDICTION_COLUMNS:
        column = table.c[name]
        assert column.server_default is None, name
