"""The columns the scoring engine needs, in one query per report."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.store.tables import PredictionRow, PredictionTagRow, SourceRow

GROUPINGS = ("source", "asset", "tag", "year")
UNTAGGED = "(untagged)"


def scoring_frame(
    session: Session,
    *,
    by: str = "source",
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """One row per claim (per tag, when grouping by tag): group, status, deadline,
    probability, market_prob. `since`/`until` bound the day the call was made."""
    if by not in GROUPINGS:
        raise ValueError(by)
    p = PredictionRow.__table__
    s = SourceRow.__table__
    columns = [
        p.c.id,
        p.c.status,
        p.c.deadline,
        p.c.made_on,
        p.c.probability,
        p.c.market_prob,
        s.c.name.label("source"),
        p.c.symbol,
    ]
    query = select(*columns).join(s, s.c.id == p.c.source_id)
    if by == "tag":
        t = PredictionTagRow.__table__
        query = query.add_columns(t.c.tag).join(t, t.c.prediction_id == p.c.id, isouter=True)
    if since is not None:
        query = query.where(p.c.made_on >= since)
    if until is not None:
        query = query.where(p.c.made_on <= until)
    if source is not None:
        query = query.where(s.c.name_key == source_key(source))
    rows = session.execute(query).all()
    frame = pd.DataFrame(rows, columns=[c.name for c in query.selected_columns])
    if frame.empty:
        frame["group"] = pd.Series(dtype=object)
        return frame
    if by == "source":
        frame["group"] = frame["source"]
    elif by == "asset":
        frame["group"] = frame["symbol"]
    elif by == "tag":
        frame["group"] = frame["tag"].fillna(UNTAGGED)
    else:
        frame["group"] = pd.to_datetime(frame["made_on"]).dt.year.astype(str)
    return frame
