"""The columns the scoring engine needs, in one query per report.

Read through the driver and turned into columns at once: the scoreboard of a
100k-claim ledger must paint in well under two seconds, and per-row ORM or
type processing would take most of that.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.records import SCORE_GROUPINGS
from ledger.store.raw import fetchall

GROUPINGS = SCORE_GROUPINGS
UNTAGGED = "(untagged)"
COLUMNS = ("id", "status", "deadline", "made_on", "probability", "market_prob", "source", "symbol")


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
    sql = (
        "SELECT p.id, p.status, CAST(p.deadline AS TEXT), CAST(p.made_on AS TEXT), "
        "p.probability, p.market_prob, s.name, p.symbol"
    )
    sql += ", t.tag" if by == "tag" else ""
    sql += " FROM prediction p JOIN source s ON s.id = p.source_id"
    if by == "tag":
        sql += " LEFT OUTER JOIN prediction_tag t ON t.prediction_id = p.id"
    conditions, params = [], []
    if since is not None:
        conditions.append("p.made_on >= ?")
        params.append(since)
    if until is not None:
        conditions.append("p.made_on <= ?")
        params.append(until)
    if source is not None:
        conditions.append("s.name_key = ?")
        params.append(source_key(source))
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    rows = fetchall(session, sql, params)
    names = [*COLUMNS, "tag"] if by == "tag" else list(COLUMNS)
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in names]
    frame = pd.DataFrame(
        {
            name: np.asarray(values, dtype=object)
            for name, values in zip(names, columns, strict=True)
        }
    )
    frame["deadline"] = np.asarray(frame["deadline"].tolist(), dtype="datetime64[D]")
    frame["made_on"] = np.asarray(frame["made_on"].tolist(), dtype="datetime64[D]")
    for name in ("probability", "market_prob"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype(np.float64)
    if by == "source":
        frame["group"] = frame["source"]
    elif by == "asset":
        frame["group"] = frame["symbol"]
    elif by == "tag":
        frame["group"] = frame["tag"].where(frame["tag"].notna(), UNTAGGED)
    else:
        years = frame["made_on"].to_numpy(dtype="datetime64[D]").astype("datetime64[Y]")
        frame["group"] = (years.astype(np.int64) + 1970).astype(str).astype(object)
    return frame
