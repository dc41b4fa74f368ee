"""Which claims were logged late, as one SQL expression per claim row.

The rule is `ledger.store.claims.is_logged_late`: logged (in UTC) after a full
day of the window had passed, when hindsight could already pick a winner.
Scoring needs it for every claim of a 100k-claim ledger in the query that
reads the claims, so it is written in SQL; the two dialects differ only in
how a timestamp becomes its UTC day and how a day is added to a date.
"""

from __future__ import annotations

from sqlalchemy import literal_column
from sqlalchemy.sql.elements import ColumnElement


def logged_late_sql(dialect: str, prefix: str = "p.") -> str:
    """A 0/1 SQL expression over the prediction columns named `prefix`created_at etc."""
    created, made_on, start = f"{prefix}created_at", f"{prefix}made_on", f"{prefix}window_start"
    if dialect == "postgresql":
        logged = f"CAST(({created} AT TIME ZONE 'UTC') AS DATE)"
        day_after = f"({made_on} + 1)"
    else:  # SQLite stores timestamps as UTC text, dates as ISO text
        logged = f"date({created})"
        day_after = f"date({made_on}, '+1 day')"
    return f"CASE WHEN {logged} > {start} AND {logged} > {day_after} THEN 1 ELSE 0 END"


def logged_late_column(dialect: str) -> ColumnElement:
    """The same expression for Core queries over the `prediction` table."""
    return literal_column(logged_late_sql(dialect, prefix="prediction."))
