"""Storing and reading the TSA tokens of tree heads (table `head_timestamp`).

Rows cross this boundary as `ledger.proof.timestamp.Stamp` values, never as
live rows.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from ledger.proof.timestamp import Stamp
from ledger.store.tables import HeadTimestampRow, as_utc


def save_stamp(session: Session, stamp: Stamp) -> None:
    """Store a checked token in the caller's transaction."""
    session.add(
        HeadTimestampRow(
            tree_size=stamp.size,
            root=stamp.root,
            tsa_url=stamp.tsa_url,
            token=stamp.token,
            gen_time=stamp.gen_time,
        )
    )


def stored_stamps(session: Session, size: int | None = None) -> list[Stamp]:
    """Every stored token (of heads of `size` entries, if given), oldest first."""
    table = HeadTimestampRow.__table__
    query = select(
        table.c.tree_size, table.c.root, table.c.tsa_url, table.c.token, table.c.gen_time
    ).order_by(table.c.id)
    if size is not None:
        query = query.where(table.c.tree_size == size)
    return [
        Stamp(row.tree_size, row.root, row.tsa_url, bytes(row.token), as_utc(row.gen_time))
        for row in session.execute(query)
    ]
