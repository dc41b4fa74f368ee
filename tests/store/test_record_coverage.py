"""record_coverage: what a resolve run remembers of each read of a source, written
through the driver; held to the ORM version it replaced, on both backends."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from ledger.store.prices import record_coverage
from ledger.store.session import open_ledger
from ledger.store.tables import PriceCoverageRow, utcnow

DAY0 = date(2024, 1, 1)


def orm_record_coverage(session, symbol, first, last, data_source, version=None) -> None:
    """The ORM version record_coverage had before, as the oracle."""
    row = session.get(PriceCoverageRow, symbol)
    if row is None:
        row = PriceCoverageRow(symbol=symbol, first=first, last=last, data_source=data_source)
    else:
        row.first = min(row.first, first)
        row.last = max(row.last, last)
        row.updated_at = utcnow()
    read_first, read_last = first, last
    if (
        version is not None
        and row.source_version == version
        and row.data_source == data_source
        and row.version_first is not None
        and row.version_last is not None
        and first <= row.version_last + timedelta(days=1)
        and row.version_first <= last + timedelta(days=1)
    ):
        read_first, read_last = min(first, row.version_first), max(last, row.version_last)
    row.data_source = data_source
    row.source_version = version
    row.version_first = read_first if version is not None else None
    row.version_last = read_last if version is not None else None
    session.add(row)
    session.flush()


def coverage(engine, symbol: str) -> tuple:
    with Session(engine) as session:
        row = session.get(PriceCoverageRow, symbol)
        assert row is not None
        return (
            row.first,
            row.last,
            row.data_source,
            row.source_version,
            row.version_first,
            row.version_last,
        )


reads = st.lists(
    st.tuples(
        st.integers(0, 60),  # first, in days after DAY0
        st.integers(0, 30),  # length
        st.sampled_from(["csv:a", "csv:b"]),
        st.sampled_from([None, "v1", "v2"]),
    ),
    min_size=1,
    max_size=6,
)
_symbols = itertools.count()


def test_the_driver_version_writes_what_the_orm_one_did(migrated_url: str) -> None:
    # One engine for every example: opening a ledger checks its schema, which cost
    # more than the example itself; each example writes symbols of its own.
    engine = open_ledger(migrated_url)

    @settings(deadline=None)
    @given(reads=reads)
    def check(reads) -> None:
        n = next(_symbols)
        new, old = f"NEW{n}", f"OLD{n}"
        for offset, length, source, version in reads:
            first = DAY0 + timedelta(days=offset)
            last = first + timedelta(days=length)
            with Session(engine) as session, session.begin():
                record_coverage(session, new, first, last, source, version)
            with Session(engine) as session, session.begin():
                orm_record_coverage(session, old, first, last, source, version)
            assert coverage(engine, new) == coverage(engine, old)

    try:
        check()
    finally:
        engine.dispose()


def test_a_new_read_of_the_same_version_widens_its_days(migrated_url: str) -> None:
    engine = open_ledger(migrated_url)
    with Session(engine) as session, session.begin():
        record_coverage(session, "GC=F", date(2024, 1, 1), date(2024, 1, 31), "csv:x", "v1")
        record_coverage(session, "GC=F", date(2024, 2, 1), date(2024, 2, 29), "csv:x", "v1")
    assert coverage(engine, "GC=F") == (
        date(2024, 1, 1), date(2024, 2, 29), "csv:x", "v1", date(2024, 1, 1), date(2024, 2, 29),
    )  # fmt: skip
    with Session(engine) as session, session.begin():
        record_coverage(session, "GC=F", date(2024, 3, 1), date(2024, 3, 5), "csv:x", None)
    assert coverage(engine, "GC=F") == (
        date(2024, 1, 1), date(2024, 3, 5), "csv:x", None, None, None,
    )  # fmt: skip
    engine.dispose()
