"""The columns the scoring engine needs, in one query per report.

Read through the driver and turned into columns at once: the scoreboard of a
100k-claim ledger must paint in well under two seconds, and per-row ORM or
type processing would take most of that. `scoring_columns` is the path of
`forecast score` and `forecast calibration`: the database turns statuses into
codes and tests the deadlines, the rest are numpy arrays, and pandas is never
imported. `scoring_frame` gives the same claims as a DataFrame with every
column, for readers that want one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.claims.pairs import PAIR_SEPARATOR
from ledger.records import SCORE_GROUPINGS
from ledger.store.late import logged_late_sql
from ledger.store.raw import fetchall
from ledger.store.rulings import hand_changed_claims

if TYPE_CHECKING:
    import pandas as pd

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
# ledger.scoring.StatusCode, computed by the database (-1: a status the engine rejects)
_STATUS_CODE_SQL = (
    "CASE p.status WHEN 'open' THEN 0 WHEN 'true' THEN 1 WHEN 'false' THEN 2 "
    "WHEN 'void' THEN 3 WHEN 'vague' THEN 4 ELSE -1 END"
)


@dataclass(frozen=True)
class ScoringColumns:
    """One entry per claim (per claim and tag, when grouped by tag), in claim id order.

    group: the label (object array); status: StatusCode integers;
    past_deadline: deadline before `today`; probability, market_prob: floats,
    NaN where there is none; logged_late (ledger.store.late); withdrawn,
    overridden, data_status: the hand changes (`hand_change_columns`).
    """

    group: np.ndarray
    status: np.ndarray
    past_deadline: np.ndarray
    probability: np.ndarray
    market_prob: np.ndarray
    logged_late: np.ndarray
    withdrawn: np.ndarray
    overridden: np.ndarray
    data_status: np.ndarray

    def __len__(self) -> int:
        return int(self.status.size)

    def in_claim_order(self, ids: np.ndarray) -> ScoringColumns:
        """The entries sorted by claim id (`ids`, one per entry; stable, so a claim's tags
        keep their order). A group's sums are then added in one order whatever plan the
        database chose: with the rows in the plan's order, the TUI's scoreboard of one year
        and the year's row of the whole scoreboard differed in the last digit of a mean
        once an index of `made_on` (migration 0019) served the one and not the other."""
        if ids.size < 2 or bool((ids[1:] >= ids[:-1]).all()):
            return self
        order = np.argsort(ids, kind="stable")
        return ScoringColumns(*(getattr(self, f.name)[order] for f in fields(self)))


def scoring_columns(
    session: Session,
    *,
    today: date,
    by: str = "source",
    since: date | None = None,
    until: date | None = None,
    source: str | None = None,
) -> ScoringColumns:
    """The scoring engine's input, as arrays: the claims `scoring_frame` reads, in
    the same order (so per-group sums add up in the same order), without pandas."""
    if by not in GROUPINGS:
        raise ValueError(by)
    late = logged_late_sql(session.get_bind().dialect.name)
    label = {
        "source": "s.name",
        "asset": "p.symbol, p.versus_symbol",
        "tag": "t.tag",
        "year": "CAST(p.made_on AS TEXT)",
    }[by]
    sql = (
        f"SELECT {_STATUS_CODE_SQL}, CASE WHEN p.deadline < ? THEN 1 ELSE 0 END, "
        f"p.probability, p.market_prob, p.id, {late}, {label}"
    )
    sql, params = _from_where(sql, by, since, until, source)
    rows = fetchall(session, sql, [today, *params])
    # A list per column (itemgetter in map: a quarter of the time of zip(*rows)).
    columns = [list(map(itemgetter(i), rows)) for i in range(7 + (by == "asset"))]
    ids = np.array(columns[4], dtype=np.int64)
    withdrawn, overridden, data_status = hand_change_columns(session, ids)
    found = ScoringColumns(
        group=_labels(by, columns[6:]),
        status=np.array(columns[0], dtype=np.int64),
        past_deadline=np.array(columns[1], dtype=np.int64).astype(bool),
        probability=np.array(columns[2], dtype=np.float64),
        market_prob=np.array(columns[3], dtype=np.float64),
        logged_late=np.array(columns[5], dtype=np.int64).astype(bool),
        withdrawn=withdrawn,
        overridden=overridden,
        data_status=data_status,
    )
    return found.in_claim_order(ids)


def _from_where(
    sql: str, by: str, since: date | None, until: date | None, source: str | None
) -> tuple[str, list[object]]:
    """`sql` completed with the FROM and WHERE clauses every scoring query shares."""
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
    return sql, params


def _labels(by: str, columns: list[list]) -> np.ndarray:
    """Group labels from the label columns of `scoring_columns`, as `scoring_frame` makes them."""
    labels = np.empty(len(columns[0]), dtype=object)
    if by == "source":
        labels[:] = columns[0]
    elif by == "asset":
        # An outperformance counts under its pair ("GC=F vs BTC-USD"), a ratio under "GC=F/SI=F".
        labels[:] = [
            symbol if versus is None else symbol + PAIR_SEPARATOR + versus
            for symbol, versus in zip(columns[0], columns[1], strict=True)
        ]
    elif by == "tag":
        labels[:] = [UNTAGGED if tag is None else tag for tag in columns[0]]
    else:
        years = np.asarray(columns[0], dtype="datetime64[D]").astype("datetime64[Y]")
        labels[:] = (years.astype(np.int64) + 1970).astype(str).tolist()
    return labels


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
    import pandas as pd

    if by not in GROUPINGS:
        raise ValueError(by)
    late = logged_late_sql(session.get_bind().dialect.name)
    sql = (
        "SELECT p.id, p.status, CAST(p.deadline AS TEXT), CAST(p.made_on AS TEXT), "
        f"p.probability, p.market_prob, s.name, p.symbol, p.versus_symbol, {late}"
    )
    sql += ", t.tag" if by == "tag" else ""
    sql, params = _from_where(sql, by, since, until, source)
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
    # In claim id order, as `scoring_columns` gives them (`ScoringColumns.in_claim_order`).
    ids = frame["id"].to_numpy(dtype=np.int64)
    if ids.size > 1 and not bool((ids[1:] >= ids[:-1]).all()):
        order = np.argsort(ids, kind="stable")
        frame = frame.iloc[order].reset_index(drop=True)
        withdrawn, overridden, data_status = withdrawn[order], overridden[order], data_status[order]
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
