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
from ledger.claims.pairs import PAIR_SEPARATOR
from ledger.records import SCORE_GROUPINGS
from ledger.store.late import logged_late_sql
from ledger.store.raw import fetchall
from ledger.store.resolving import hand_changed_claims

GROUPINGS = SCORE_GROUPINGS
UNTAGGED = "(untagged)"
COLUMNS = (
    "id",
    "status",
    "deadline",
    "made_on",
    "probability",
    "market_prob",
    "source",
    "symbol",
    "versus_symbol",
    "logged_late",
)


def scoring_frame(
    session: Session,
    *,
    by: str = "source",
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """One row per claim (per tag, when grouping by tag): group, status, deadline,
    probability, market_prob, logged_late (ledger.store.late) and the hand changes
    (`hand_change_columns`).
    `since`/`until` bound the day the call was made."""
    if by not in GROUPINGS:
        raise ValueError(by)
    late = logged_late_sql(session.get_bind().dialect.name)
    sql = (
        "SELECT p.id, p.status, CAST(p.deadline AS TEXT), CAST(p.made_on AS TEXT), "
        f"p.probability, p.market_prob, s.name, p.symbol, p.versus_symbol, {late}"
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
    frame["logged_late"] = frame["logged_late"].to_numpy(dtype=np.int64).astype(bool)
    withdrawn, overridden, data_status = hand_change_columns(
        session, frame["id"].to_numpy(dtype=np.int64)
    )
    frame["withdrawn"] = withdrawn
    frame["overridden"] = overridden
    frame["data_status"] = data_status
    if by == "source":
        frame["group"] = frame["source"]
    elif by == "asset":
        # An outperformance counts under its pair ("GC=F vs BTC-USD"), a ratio under "GC=F/SI=F".
        versus = frame["versus_symbol"]
        paired = frame["symbol"].astype(object) + PAIR_SEPARATOR + versus.fillna("").astype(object)
        frame["group"] = frame["symbol"].where(versus.isna(), paired)
    elif by == "tag":
        frame["group"] = frame["tag"].where(frame["tag"].notna(), UNTAGGED)
    else:
        years = frame["made_on"].to_numpy(dtype="datetime64[D]").astype("datetime64[Y]")
        frame["group"] = (years.astype(np.int64) + 1970).astype(str).astype(object)
    return frame


def hand_change_columns(
    session: Session, claim_ids: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(withdrawn, overridden, data_status) for each of `claim_ids` (repeats allowed).

    withdrawn: voided after it resolved; overridden: its verdict is a manual
    override (ledger.rules.overrides). data_status is the status the price
    data gave a withdrawn or overridden claim ("open" when the data never
    judged it) and None for every other claim. The hand-changed claims come
    from one small query; the rest is a lookup.
    """
    changes = hand_changed_claims(session)
    ids = np.asarray(claim_ids, dtype=np.int64)
    data_status = np.full(ids.size, None, dtype=object)
    if not changes:
        empty = np.zeros(ids.size, dtype=bool)
        return empty, empty.copy(), data_status
    changed_ids = np.fromiter(changes, dtype=np.int64, count=len(changes))
    withdrawn_ids = changed_ids[np.array([changes[int(i)].withdrawn for i in changed_ids])]
    overridden_ids = changed_ids[np.array([changes[int(i)].overridden for i in changed_ids])]
    for position in np.flatnonzero(np.isin(ids, changed_ids)).tolist():
        data_status[position] = changes[int(ids[position])].data_outcome or "open"
    return np.isin(ids, withdrawn_ids), np.isin(ids, overridden_ids), data_status
