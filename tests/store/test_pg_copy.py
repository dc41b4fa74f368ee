"""pg_copy: PostgreSQL COPY in the binary format stores what the text format stores.

The binary format is chosen column by column from the values' Python types and
the column's type (`binary_types`, no database); on PostgreSQL the same rows
copied both ways are read back equal, edge values included (NaN, -0.0, the
infinities, dates before 1970, offsets other than UTC, text needing COPY's
escapes), and a value the binary form would not store as its text makes the
whole COPY go as text.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session

from ledger.store.pg_copy import binary_types, column_types, copy_rows
from ledger.store.session import open_ledger

TYPES = {
    "n4": "int4",
    "n8": "int8",
    "x": "float8",
    "flag": "bool",
    "note": "text",
    "label": "varchar",
    "day": "date",
    "moment": "timestamptz",
    "plain_moment": "timestamp",
    "amount": "numeric",
}
AWARE = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("columns", "rows", "expected"),
    [
        pytest.param(("n4", "x"), [(1, 1.5), (None, 2)], ["int4", "float8"], id="int-and-float"),
        pytest.param(("x",), [(float("nan"),), (-0.0,)], ["float8"], id="nan-and-negative-zero"),
        pytest.param(("flag",), [(True,), (None,)], ["bool"], id="bool"),
        pytest.param(("n4",), [(True,)], None, id="bool-in-an-int-column"),
        pytest.param(("flag",), [(1,)], None, id="int-in-a-bool-column"),
        pytest.param(("day",), [("2026-01-02",)], None, id="text-for-a-date"),
        pytest.param(("day",), [(AWARE,)], None, id="datetime-in-a-date-column"),
        pytest.param(("moment",), [(AWARE,), (None,)], ["timestamptz"], id="aware-timestamptz"),
        pytest.param(("moment",), [(datetime(2026, 1, 2),)], None, id="naive-in-timestamptz"),
        pytest.param(("plain_moment",), [(AWARE,)], None, id="aware-in-timestamp"),
        pytest.param(("plain_moment",), [(datetime(2026, 1, 2),)], ["timestamp"], id="naive"),
        pytest.param(("amount",), [(1.5,)], None, id="numeric-column"),
        pytest.param(("unknown",), [(1,)], None, id="column-not-in-the-table"),
        pytest.param(("note",), [(None,), (None,)], ["text"], id="all-null"),
    ],
)
def test_binary_types(columns, rows, expected) -> None:
    assert binary_types(TYPES, columns, rows) == expected


def _postgres(ledger_url: str) -> str:
    if not ledger_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    return ledger_url


COLUMNS = ("n4", "n8", "x", "flag", "note", "label", "day", "moment")
CREATE = (
    "CREATE TABLE {name} (n4 int4, n8 int8, x float8, flag bool, note text, "
    "label varchar(40), day date, moment timestamptz)"
)

finite = st.floats(allow_nan=False, allow_infinity=False)
row = st.tuples(
    st.none() | st.integers(-(2**31), 2**31 - 1),
    st.none() | st.integers(-(2**63), 2**63 - 1),
    st.none() | finite | st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.0]),
    st.none() | st.booleans(),
    st.none() | st.text(st.characters(exclude_characters="\x00", codec="utf-8")),
    st.none() | st.text("ab\t\n\\\r é", max_size=40),
    st.none() | st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.none()
    | st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)).map(
        lambda d: d.replace(tzinfo=timezone(timedelta(hours=5, minutes=30)))
    )
    | st.just(AWARE),
)


def _read(session: Session, table: str) -> list[tuple]:
    rows = session.execute(text(f"SELECT {', '.join(COLUMNS)} FROM {table} ORDER BY n8")).all()
    # NaN is not equal to itself: compared by its text.
    return [
        tuple(repr(v) if isinstance(v, float) and math.isnan(v) else v for v in r) for r in rows
    ]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(row, min_size=1, max_size=30))
def test_binary_copy_stores_what_the_text_copy_stores(ledger_url: str, rows) -> None:
    engine = open_ledger(_postgres(ledger_url))
    # A unique key to read back in order; each row stays as generated otherwise.
    rows = [(r[0], index, *r[2:]) for index, r in enumerate(rows)]
    try:
        with Session(engine) as session, session.begin():
            for name in ("by_binary", "by_text"):
                session.execute(text(f"DROP TABLE IF EXISTS {name}"))
                session.execute(text(CREATE.format(name=name)))
            assert binary_types(column_types(session, "by_binary"), COLUMNS, rows) is not None
            cursor = session.connection().connection.cursor()
            copy_rows(session, cursor, "by_binary", COLUMNS, rows)
            with cursor.copy(f"COPY by_text ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
            assert _read(session, "by_binary") == _read(session, "by_text")
            session.rollback()
    finally:
        engine.dispose()


def test_a_value_binary_would_not_keep_sends_the_copy_as_text(ledger_url: str) -> None:
    """A date handed as text (the server parses it) and a naive timestamp: text COPY."""
    engine = open_ledger(_postgres(ledger_url))
    try:
        with Session(engine) as session, session.begin():
            session.execute(text(CREATE.format(name="mixed")))
            rows = [(1, 1, 1.5, True, "a", "b", "2026-01-02", AWARE)]
            assert binary_types(column_types(session, "mixed"), COLUMNS, rows) is None
            cursor = session.connection().connection.cursor()
            copy_rows(session, cursor, "mixed", COLUMNS, rows)
            assert _read(session, "mixed") == [(1, 1, 1.5, True, "a", "b", date(2026, 1, 2), AWARE)]
            session.rollback()
    finally:
        engine.dispose()


def test_rows_given_as_an_iterator_are_all_copied(ledger_url: str) -> None:
    """The rows are read twice (types, then the COPY): an iterator is not emptied by the first."""
    engine = open_ledger(_postgres(ledger_url))
    try:
        with Session(engine) as session, session.begin():
            session.execute(text(CREATE.format(name="once")))
            rows = [(i, i, i / 2, True, "n", "l", date(2026, 1, 1), AWARE) for i in range(3)]
            cursor = session.connection().connection.cursor()
            copy_rows(session, cursor, "once", COLUMNS, iter(rows))
            assert _read(session, "once") == rows
            session.rollback()
    finally:
        engine.dispose()
