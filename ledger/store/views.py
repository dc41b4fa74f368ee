"""Queries shaped for the screens of the terminal UI: one query per screen, no per-row ones.

The TUI browses ledgers of 100,000 claims, so what it reads is cut to what a
screen shows: the scoreboard's columns come back as arrays (not records),
claim tables come a page at a time (LIMIT/OFFSET over an indexed order), and
counts are one aggregate. Every reader takes a `ClaimScope`, the one
description of "which claims" that the filter box, the group screens and the
due list share, so a filtered scoreboard and the claims behind a row always
agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import ColumnElement, Select, and_, case, extract, func, select
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.claims.pairs import PAIR_SEPARATOR, pair_legs
from ledger.store import core_tables
from ledger.store.batching import chunks
from ledger.store.late import logged_late_column
from ledger.store.scoring import GROUPINGS, UNTAGGED, ScoringColumns, hand_change_columns

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "UNTAGGED",
    "ClaimOrder",
    "ClaimRow",
    "ClaimScope",
    "DueSummary",
    "FilterVocabulary",
    "claim_rows",
    "count_claims",
    "due_summary",
    "filter_vocabulary",
    "recent_outcomes",
    "scoreboard_columns",
    "scoreboard_frame",
]

_p = core_tables.prediction
_s = core_tables.source
_t = core_tables.prediction_tag
_r = core_tables.resolution


@dataclass(frozen=True)
class ClaimScope:
    """Which claims a view covers; every field that is set narrows it.

    `source` is one source by name (case-insensitive, as the ledger keys
    them); `source_like` is part of a name, for the filter box. `tag` equal
    to UNTAGGED means claims without any tag, the group the scoreboard shows
    under that label. `year` is the year the call was made.
    """

    source: str | None = None
    source_like: str | None = None
    symbol: str | None = None
    tag: str | None = None
    status: str | None = None
    year: int | None = None

    def is_everything(self) -> bool:
        return self == ClaimScope()


class ClaimOrder(StrEnum):
    """The orders a claims table can page through (each backed by an index or a small set)."""

    RECENT = "recent"  # newest call first: a source's track record
    DEADLINE = "deadline"  # soonest deadline first: what is due (overdue ones lead)


@dataclass(frozen=True)
class ClaimRow:
    """One line of a claims table: what the table shows, nothing it would lazy-load."""

    id: int
    source: str
    symbol: str
    asset: str
    kind: str
    status: str
    text: str
    normalized: str
    made_on: date
    deadline: date
    probability: float | None
    market_prob: float | None
    evidence_date: date | None
    evidence_price: float | None
    evidence_field: str | None
    open_reason: str | None
    open_detail: str | None


@dataclass(frozen=True)
class DueSummary:
    """Open claims counted by where they stand on `today`."""

    open: int
    overdue: int
    waiting_for_data: int
    failing: int
    never_checked: int


@dataclass(frozen=True)
class FilterVocabulary:
    """The words the filter box and the add form can complete."""

    sources: tuple[str, ...]
    symbols: tuple[str, ...]
    tags: tuple[str, ...]


def _symbol_is(symbol: str) -> ColumnElement:
    """Claims of `symbol`; a pair ("GC=F vs BTC-USD", a scoreboard row) is its outperformances."""
    legs = pair_legs(symbol)
    if legs is None:
        return _p.c.symbol == symbol
    return and_(_p.c.symbol == legs[0], _p.c.versus_symbol == legs[1])


def _scoped(query: Select, scope: ClaimScope) -> Select:
    """`query` (over prediction joined to source) narrowed to `scope`."""
    if scope.source:
        query = query.where(_s.c.name_key == source_key(scope.source))
    if scope.source_like:
        query = query.where(_s.c.name_key.contains(source_key(scope.source_like), autoescape=True))
    if scope.symbol:
        query = query.where(_symbol_is(scope.symbol))
    if scope.status:
        query = query.where(_p.c.status == scope.status)
    if scope.year is not None:
        query = query.where(
            _p.c.made_on >= date(scope.year, 1, 1), _p.c.made_on <= date(scope.year, 12, 31)
        )
    if scope.tag == UNTAGGED:
        query = query.where(_p.c.id.not_in(select(_t.c.prediction_id)))
    elif scope.tag:
        query = query.where(_p.c.id.in_(select(_t.c.prediction_id).where(_t.c.tag == scope.tag)))
    return query


# ledger.scoring.StatusCode
_STATUS_CODES = {"open": 0, "true": 1, "false": 2, "void": 3, "vague": 4}


def scoreboard_columns(
    session: Session, *, by: str, scope: ClaimScope, today: date
) -> ScoringColumns:
    """The scoring engine's input for a scoreboard of `scope`, one entry per claim (per tag).

    The columns of `ledger.store.scoring.ScoringColumns`: group (the label),
    status (StatusCode integers), past_deadline, probability, market_prob,
    logged_late (ledger.store.late) and the hand changes withdrawn,
    overridden, data_status (store.scoring.hand_change_columns).

    Built for 100,000 claims in well under a second: the database does the
    per-row work (the deadline test, status codes, the group as a source id
    or a year), so the columns that come back are numbers (and a label for
    assets and tags), read straight off the driver's cursor into one float
    array without a row object per claim. Source names are joined on
    afterwards, once per source.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: use one of {', '.join(GROUPINGS)}")
    status = case(*((_p.c.status == name, code) for name, code in _STATUS_CODES.items()), else_=-1)
    numbers = [
        status,
        case((_p.c.deadline < today, 1), else_=0),
        _p.c.probability,
        _p.c.market_prob,
        _p.c.id,
        logged_late_column(session.get_bind().dialect.name),
    ]
    key, _ = _group_key(by)
    query = select(key, *numbers).join(_s, _s.c.id == _p.c.source_id)
    if by == "tag":  # a row per claim and tag; an untagged claim once, as UNTAGGED
        query = query.join(_t, _t.c.prediction_id == _p.c.id, isouter=True)
    rows = _driver_rows(session, _scoped(query, scope))
    if by in ("asset", "tag"):
        labels = np.array([row[0] for row in rows], dtype=object)
        values = np.array([row[1:] for row in rows], dtype=np.float64).reshape(-1, 6)
    else:
        table = np.array(rows, dtype=np.float64).reshape(-1, 7)
        keys, values = table[:, 0].astype(np.int64), table[:, 1:]
        labels = _labels_for(session, by, keys)
    ids = values[:, 4].astype(np.int64)
    withdrawn, overridden, data_status = hand_change_columns(session, ids)
    return ScoringColumns(
        group=np.asarray(labels, dtype=object),
        status=values[:, 0].astype(np.int64),
        past_deadline=values[:, 1].astype(bool),
        probability=values[:, 2],
        market_prob=values[:, 3],
        logged_late=values[:, 5].astype(bool),
        withdrawn=withdrawn,
        overridden=overridden,
        data_status=data_status,
    ).in_claim_order(ids)


def scoreboard_frame(session: Session, *, by: str, scope: ClaimScope, today: date) -> pd.DataFrame:
    """`scoreboard_columns` as a DataFrame (columns group, status, past_deadline,
    probability, market_prob, withdrawn, overridden, data_status, logged_late)."""
    import pandas as pd

    columns = scoreboard_columns(session, by=by, scope=scope, today=today)
    names = [
        "group",
        "status",
        "past_deadline",
        "probability",
        "market_prob",
        "withdrawn",
        "overridden",
        "data_status",
        "logged_late",
    ]
    if not len(columns):
        return pd.DataFrame({name: pd.Series(dtype=object) for name in names})
    return pd.DataFrame({name: getattr(columns, name) for name in names})


def _group_key(by: str) -> tuple[ColumnElement, ColumnElement]:
    """(what a grouping partitions claims by, the label a scoreboard row shows for it)."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: use one of {', '.join(GROUPINGS)}")
    if by == "source":
        return _p.c.source_id, _s.c.name
    if by == "asset":
        # An outperformance counts under its pair ("GC=F vs BTC-USD"), a ratio under "GC=F/SI=F".
        group = case(
            (_p.c.versus_symbol.is_(None), _p.c.symbol),
            else_=_p.c.symbol + PAIR_SEPARATOR + _p.c.versus_symbol,
        )
        return group, group
    if by == "tag":
        tag = func.coalesce(_t.c.tag, UNTAGGED)
        return tag, tag
    year = extract("year", _p.c.made_on)
    return year, year


def recent_outcomes(
    session: Session,
    *,
    by: str,
    scope: ClaimScope,
    today: date,
    include_early: bool = False,
    exclude_late: bool = False,
    per_group: int = 10,
) -> dict[str, tuple[bool, ...]]:
    """Each group's last `per_group` scored claims without a stated probability, oldest first.

    True is a hit. These are what a scoreboard can show for a source that
    never states probabilities, where a calibration curve has nothing to
    draw. "Last" is by deadline (then id): a claim is judged at its
    deadline, so that is the order its outcomes became known. Scored means
    as for the scoreboard: resolved true or false, deadline passed (or any,
    with `include_early`).

    One query for every group at once: a window function numbers each
    group's claims newest first and only the first `per_group` of each come
    back, so a source with 10,000 claims costs no more rows than one with ten.
    """
    key, label = _group_key(by)
    newest_first = func.row_number().over(
        partition_by=key, order_by=(_p.c.deadline.desc(), _p.c.id.desc())
    )
    conditions = [_p.c.status.in_(("true", "false")), _p.c.probability.is_(None)]
    if not include_early:
        conditions.append(_p.c.deadline < today)
    if exclude_late:
        conditions.append(logged_late_column(session.get_bind().dialect.name) == 0)
    inner = (
        select(
            label.label("label"),
            case((_p.c.status == "true", 1), else_=0).label("hit"),
            newest_first.label("place"),
        )
        .join(_s, _s.c.id == _p.c.source_id)
        .where(*conditions)
    )
    if by == "tag":  # a claim counts in each of its tags; an untagged one under UNTAGGED
        inner = inner.join(_t, _t.c.prediction_id == _p.c.id, isouter=True)
    ranked = _scoped(inner, scope).subquery()
    query = (
        select(ranked.c.label, ranked.c.hit)
        .where(ranked.c.place <= per_group)
        .order_by(ranked.c.label, ranked.c.place.desc())
    )
    outcomes: dict[str, list[bool]] = {}
    for group, hit in _driver_rows(session, query):
        name = str(int(group)) if by == "year" else str(group)
        outcomes.setdefault(name, []).append(bool(hit))
    return {group: tuple(hits) for group, hits in outcomes.items()}


def _driver_rows(session: Session, query: Select) -> list[tuple]:
    """The rows as the database driver returns them: plain tuples, no row objects.

    Only for queries whose columns need no type processing (numbers, text).
    """
    result = session.connection().execute(query)
    try:
        return result.cursor.fetchall() if result.cursor is not None else []
    finally:
        result.close()


def _labels_for(session: Session, by: str, keys: np.ndarray) -> np.ndarray:
    """Group labels for integer keys: source names by id, or years as text."""
    distinct, index = np.unique(keys, return_inverse=True)
    if by == "source":
        names: dict[int, str] = {}
        for chunk in chunks(distinct.tolist()):
            names.update(
                session.execute(select(_s.c.id, _s.c.name).where(_s.c.id.in_(chunk))).all()
            )
        words = np.array([names[int(k)] for k in distinct], dtype=object)
    else:
        words = np.array([str(int(k)) for k in distinct], dtype=object)
    return words[index]


def _row_query() -> Select:
    current = and_(_r.c.prediction_id == _p.c.id, _r.c.is_current)
    return (
        select(
            _p.c.id,
            _s.c.name,
            _p.c.symbol,
            _p.c.asset,
            _p.c.kind,
            _p.c.status,
            _p.c.text,
            _p.c.normalized,
            _p.c.made_on,
            _p.c.deadline,
            _p.c.probability,
            _p.c.market_prob,
            _r.c.evidence_date,
            _r.c.evidence_price,
            _r.c.evidence_field,
            _p.c.open_reason,
            _p.c.open_detail,
        )
        .join(_s, _s.c.id == _p.c.source_id)
        .join(_r, current, isouter=True)
    )


def claim_rows(
    session: Session,
    scope: ClaimScope,
    order: ClaimOrder,
    *,
    limit: int,
    offset: int = 0,
) -> list[ClaimRow]:
    """One page of claims in `scope`, in `order`, with their current evidence."""
    query = _scoped(_row_query(), scope)
    if order is ClaimOrder.RECENT:
        query = query.order_by(_p.c.made_on.desc(), _p.c.id.desc())
    else:
        query = query.order_by(_p.c.deadline, _p.c.id)
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [_claim_row(tuple(row)) for row in rows]


def _claim_row(values: tuple) -> ClaimRow:
    # A claim keeps its last open reason after it resolves; only open ones show it.
    if values[5] != "open":
        values = (*values[:15], None, None)
    return ClaimRow(*values)


def count_claims(session: Session, scope: ClaimScope) -> int:
    """How many claims `scope` holds (for "N of M" and the table's length)."""
    query = select(func.count()).select_from(_p.join(_s, _s.c.id == _p.c.source_id))
    return int(session.execute(_scoped(query, scope)).scalar_one())


def due_summary(session: Session, today: date) -> DueSummary:
    """Open claims counted: all, past their deadline, waiting for data, failing, unchecked."""

    def count(condition) -> object:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    reason = _p.c.open_reason
    query = select(
        func.count(),
        count(_p.c.deadline < today),
        count(reason.in_(("waiting_for_data", "no_data_in_window", "data_gap"))),
        count(reason.in_(("unknown_symbol", "source_error", "invalid_claim"))),
        count(reason.is_(None)),
    ).where(_p.c.status == "open")
    return DueSummary(*(int(v) for v in session.execute(query).one()))


def filter_vocabulary(session: Session) -> FilterVocabulary:
    """Source names, symbols and tags in use, sorted, for completion."""
    sources = session.execute(select(_s.c.name).order_by(func.lower(_s.c.name))).scalars()
    symbols = session.execute(select(_p.c.symbol).distinct().order_by(_p.c.symbol)).scalars()
    tags = session.execute(select(_t.c.tag).distinct().order_by(_t.c.tag)).scalars()
    return FilterVocabulary(tuple(sources), tuple(symbols), tuple(tags))
