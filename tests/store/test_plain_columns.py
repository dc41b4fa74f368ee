"""`prooflog._plain_columns` converts a date or timestamp column of one value once;
the texts are those the value-by-value conversion (`_plain`) gives, whatever the
column holds: equal instants in other zones, SQLite's text, mixed types."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from ledger.store.prooflog import _RESOLUTION_CONVERTERS, _plain, _plain_columns

NOON = datetime(2026, 12, 7, 12, 0, 0, 123456, tzinfo=UTC)
moments = st.sampled_from(
    [
        NOON,
        NOON.astimezone(timezone(timedelta(hours=2))),  # the same instant, another zone
        NOON.replace(tzinfo=None),
        "2026-12-07 12:00:00.123456",  # as SQLite stores it
        None,
    ]
)
days = st.sampled_from([date(2026, 1, 5), "2026-01-05", None])


@given(
    st.tuples(moments, days, st.integers(1, 4)),
    st.lists(st.tuples(moments, days), max_size=3),
)
def test_a_column_of_one_value_converts_as_each_value(repeated, others) -> None:
    moment, day, count = repeated
    rows = [(moment, day)] * count + others
    names = _RESOLUTION_CONVERTERS.names
    stored = {name: [None] * len(rows) for name in names}
    stored["created_at"] = [m for m, _ in rows]
    stored["evidence_date"] = [d for _, d in rows]
    got = _plain_columns(stored, _RESOLUTION_CONVERTERS)
    for index in range(len(rows)):
        one = _plain([stored[name][index] for name in names], _RESOLUTION_CONVERTERS)
        assert got["created_at"][index] == one["created_at"]
        assert got["evidence_date"][index] == one["evidence_date"]
