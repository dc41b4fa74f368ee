"""What the resolver reads and writes, in bulk.

Open claims come out in one query, grouped by symbol; verdicts go in as a few
set-based statements per symbol. A claim's status only moves from open to
decided through a compare-and-set (`... WHERE status = 'open'`), and the
unique "one current resolution per claim" index stands behind it, so two
overlapping runs can never both resolve the same claim.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ledger.claims.model import Claim, ClaimKind, RelativeKind, RelativeLevel
from ledger.errors import LedgerError
from ledger.proof.entries import filled_entry, plain
from ledger.records import RESOLUTION_EVIDENCE
from ledger.rules.judge import ClaimColumns
from ledger.store import prooflog
from ledger.store.baselines import (
    BASELINE_CLAIM_COLUMNS,
    BASELINE_DUE,
    MARKET_COLUMNS,
    BaselineClaim,
    baseline_claims,
)
from ledger.store.batching import chunks
from ledger.store.bulk_values import insert_values
from ledger.store.core_tables import prediction, resolution, split, utcnow
from ledger.store.level_columns import level_rule_from_columns
from ledger.store.prices import upsert_rows
from ledger.store.raw import (
    adapt,
    as_date,
    executemany,
    fetchall,
    insert_rows,
    sqlite_column,
    update_rows,
)

# Values bound a statement of the resolution INSERT (the comment at its insert_values).
RESOLUTION_STATEMENT_VALUES = 8_192


@dataclass(frozen=True)
class OpenClaim:
    """A claim the resolver has to look at: its id, its current status and the claim."""

    id: int
    status: str
    claim: Claim


CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "status",
    "symbol",
    "asset",
    "kind",
    "level",
    "relative_kind",
    "relative_value",
    "reference_price",
    "made_on",
    "window_start",
    "deadline",
    "versus_symbol",
    "versus_asset",
    "versus_reference_price",
    "margin",
    "level_rule",
    "level_params",
    "level_basis",
    "upper_level",
)
"""The columns of `prediction` that `claim_from_columns` reads, in its order."""
CLAIM_SELECT = f"SELECT {', '.join(CLAIM_COLUMNS)} FROM prediction "

_KINDS = {k.value: k for k in ClaimKind}


def claims_to_check(session: Session, *, recheck: bool = False) -> dict[str, list[OpenClaim]]:
    """Open claims by symbol (with `recheck`, auto-resolved ones too), in one query.

    Read through the driver: on a 100k-claim ledger SQLAlchemy's per-row
    type processing would cost more than the rules themselves.
    """
    sql = CLAIM_SELECT
    if recheck:
        sql += (
            "WHERE status IN (?, ?, ?) AND id NOT IN (SELECT prediction_id FROM resolution "
            "WHERE is_current = ? AND method = ?) ORDER BY id"
        )
        params: list = ["open", "true", "false", True, "manual"]
    else:
        sql += "WHERE status = ? ORDER BY id"
        params = ["open"]
    by_symbol: dict[str, list[OpenClaim]] = defaultdict(list)
    for row in fetchall(session, sql, params):
        item = claim_from_columns(row)
        by_symbol[item.claim.symbol].append(item)
    return by_symbol


FIXED_LEVEL = (
    "kind NOT IN (?, ?) AND level IS NOT NULL AND relative_kind IS NULL "
    "AND reference_price IS NULL AND level_rule IS NULL AND versus_symbol IS NULL "
    "AND margin IS NULL"
)
"""A claim of a fixed level on one series: what a run can judge by the column."""
_FIXED_LEVEL_PARAMS = (ClaimKind.OUTPERFORM.value, ClaimKind.VAGUE.value)
_BANDS = tuple(kind.value for kind in ClaimKind if kind.is_band)


@dataclass(frozen=True)
class OpenColumns:
    """One symbol's open claims of a fixed level, as columns, in id order.

    `due` marks the claims that have no market baseline yet, where the read
    says (`open_claims_and_baselines`); None: not known here."""

    ids: list[int]
    claims: ClaimColumns
    due: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)


def open_claims_split(
    session: Session,
) -> tuple[dict[str, OpenColumns], dict[str, list[OpenClaim]]]:
    """Every open claim, in one read: the fixed-level ones as columns by symbol,
    the rest (relative levels, computed levels, two assets, a ratio's symbol, and
    any claim whose bounds `surely_judgeable` does not vouch for) as OpenClaims,
    read again by id (they are few).

    The same claims `claims_to_check` returns, split so that the 100k plain
    claims of a run never become one object each.
    """
    rows = fetchall(
        session,
        "SELECT id, symbol, kind, level, upper_level, made_on, window_start, deadline, "
        # No ORDER BY: sorting 100k rows in SQL (a temporary B-tree) costs more than in numpy.
        f"CASE WHEN {FIXED_LEVEL} THEN 1 ELSE 0 END FROM prediction WHERE status = ?",
        (*_FIXED_LEVEL_PARAMS, "open"),
    )
    return _split_open(session, rows)


def open_claims_and_baselines(
    session: Session,
) -> tuple[dict[str, OpenColumns], dict[str, list[OpenClaim]], dict[str, list[BaselineClaim]]]:
    """`open_claims_split` and `claims_needing_baseline`, from one read of `prediction`.

    A run wants both, and they are mostly the same claims (a new claim is open
    and has no baseline yet): one scan of the table instead of two (a second
    scan of a 100k-claim table cost 0.2-0.4 s of CPU, half of it the driver's).
    A claim due a baseline that is held as columns is marked there (`due`)
    instead of being a BaselineClaim too: together, the two are the claims
    `claims_needing_baseline` gives.
    """
    rows = fetchall(
        session,
        f"SELECT {BASELINE_CLAIM_COLUMNS}, CASE WHEN {FIXED_LEVEL} THEN 1 ELSE 0 END, "
        f"CASE WHEN status = ? THEN 1 ELSE 0 END, CASE WHEN {BASELINE_DUE} THEN 1 ELSE 0 END "
        f"FROM prediction WHERE status = ? OR ({BASELINE_DUE}) ORDER BY id",
        (*_FIXED_LEVEL_PARAMS, "open", "open"),
    )
    width = len(BASELINE_CLAIM_COLUMNS.split(","))
    due = [row[:width] for row in rows if row[width + 2]]
    open_rows = [row for row in rows if row[width + 1]]
    if open_rows:
        # In `open_claims_split`'s columns: id, symbol, kind, level, upper_level,
        # made_on, window_start, deadline and the fixed-level flag.
        picked = itemgetter(0, 1, 2, 3, 11, 6, 7, 8, width)
        open_rows = list(map(picked, open_rows))
    columns, claims = _split_open(session, open_rows)
    if not due:
        return columns, claims, baseline_claims(due)
    # The claims held as columns carry their own "due" mark; the rest become
    # BaselineClaims, as `claims_needing_baseline` gives them.
    due_ids = np.fromiter((row[0] for row in due), np.int64, len(due))
    held = []
    for symbol, column in columns.items():
        mask = np.isin(np.asarray(column.ids, dtype=np.int64), due_ids)
        columns[symbol] = replace(column, due=mask)
        held.append(np.asarray(column.ids, dtype=np.int64)[mask])
    if held:
        elsewhere = ~np.isin(due_ids, np.concatenate(held))
        due = [row for row, keep in zip(due, elsewhere.tolist(), strict=True) if keep]
    return columns, claims, baseline_claims(due)


def _split_open(
    session: Session, rows: Sequence[Sequence]
) -> tuple[dict[str, OpenColumns], dict[str, list[OpenClaim]]]:
    """`open_claims_split` of the open claims' rows (id, symbol, kind, level,
    upper_level, made_on, window_start, deadline, whether of a fixed level)."""
    from ledger.claims.pairs import legs_of
    from ledger.rules.admissible import surely_judgeable

    doubtful: list[int] = [row[0] for row in rows if not row[8]]
    if doubtful:
        rows = [row for row in rows if row[8]]
    if not rows:
        return {}, _by_symbol(claims_by_id(session, doubtful))
    ids, symbols, kinds, levels, uppers, made_on, window_start, deadline, _ = (
        list(column) for column in zip(*rows, strict=True)
    )
    id_array = np.array(ids, dtype=np.int64)
    kind_array = np.array(kinds, dtype=object)
    made_on_days = _day_column(made_on)
    start_days = _day_column(window_start)
    deadline_days = _day_column(deadline)
    level_array = np.array(levels, dtype=np.float64)
    upper_array = np.array(uppers, dtype=np.float64)  # None -> NaN
    sure = surely_judgeable(
        made_on_days,
        start_days,
        deadline_days,
        level_array,
        upper_array,
        np.isin(kind_array, _BANDS),
        np.array([upper is not None for upper in uppers], dtype=bool),
    )
    # Grouped by hashing, not sorting: np.unique sorts 100k Python strings (0.4 s).
    group, names = pd.factorize(np.array(symbols, dtype=object), sort=True)
    order = np.lexsort((id_array, group))  # by symbol, ids ascending within each
    bounds = np.searchsorted(group[order], np.arange(len(names) + 1))
    columns: dict[str, OpenColumns] = {}
    for index, symbol in enumerate(names.tolist()):
        chosen = order[bounds[index] : bounds[index + 1]]
        if not symbol.strip() or legs_of(symbol) != (symbol,):
            doubtful += id_array[chosen].tolist()  # a blank symbol, a ratio: the claim path
            continue
        doubtful += id_array[chosen[~sure[chosen]]].tolist()
        chosen = chosen[sure[chosen]]
        if len(chosen) == 0:
            continue
        columns[symbol] = OpenColumns(
            id_array[chosen].tolist(),
            ClaimColumns(
                symbol,
                kind_array[chosen].tolist(),
                made_on_days[chosen],
                start_days[chosen],
                deadline_days[chosen],
                level_array[chosen],
                upper_array[chosen],
            ),
        )
    return columns, _by_symbol(claims_by_id(session, doubtful))


def _by_symbol(claims: Iterable[OpenClaim]) -> dict[str, list[OpenClaim]]:
    grouped: dict[str, list[OpenClaim]] = defaultdict(list)
    for item in claims:
        grouped[item.claim.symbol].append(item)
    return dict(grouped)


def claims_by_id(session: Session, claim_ids: Sequence[int]) -> list[OpenClaim]:
    """The claims with these ids, as the resolver judges them, in id order."""
    found: list[OpenClaim] = []
    for part in chunks(sorted(claim_ids)):
        marks = ", ".join("?" * len(part))
        found += map(
            claim_from_columns,
            fetchall(session, CLAIM_SELECT + f"WHERE id IN ({marks}) ORDER BY id", part),
        )
    return found


def _day_column(values: Sequence) -> np.ndarray:
    """A DATE column read through the driver as day numbers since 1970-01-01:
    SQLite's ISO text is parsed by numpy in C, psycopg's dates through toordinal."""
    if values and isinstance(values[0], str):
        return np.array(values, dtype="datetime64[D]").astype(np.int64)
    return np.fromiter((as_date(v).toordinal() for v in values), np.int64, len(values)) - (
        _EPOCH_ORDINAL
    )


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def claim_from_columns(row: Sequence) -> OpenClaim:
    """A claim from the columns of `CLAIM_SELECT`, as the resolver judges it."""
    (
        claim_id,
        status,
        symbol,
        asset,
        kind,
        level,
        relative_kind,
        relative_value,
        reference_price,
        made_on,
        window_start,
        deadline,
        versus_symbol,
        versus_asset,
        versus_reference_price,
        margin,
        level_rule,
        level_params,
        level_basis,
        upper_level,
    ) = row
    relative = RelativeLevel(RelativeKind(relative_kind), relative_value) if relative_kind else None
    if level is None and relative is not None and reference_price is not None:
        level = relative.apply(reference_price)
    claim = Claim(
        symbol=symbol,
        asset=asset,
        kind=_KINDS[kind],
        level=level,
        made_on=as_date(made_on),
        window_start=as_date(window_start),
        deadline=as_date(deadline),
        relative=relative,
        reference_price=reference_price,
        versus_symbol=versus_symbol,
        versus_asset=versus_asset,
        versus_reference_price=versus_reference_price,
        margin=margin,
        upper=upper_level,
    )
    if level_rule is not None:
        rule, basis = level_rule_from_columns(level_rule, level_params, level_basis)
        claim = replace(claim, level_rule=rule, level_basis=basis)
    return OpenClaim(claim_id, status, claim)


def set_reference_prices(session: Session, prices: Mapping[int, float]) -> None:
    """Fill in the reference close of relative claims (it was unknown when recorded)."""
    _fill_prices_once(session, "reference_price", prices)


def set_versus_reference_prices(session: Session, prices: Mapping[int, float]) -> None:
    """Fill in the second asset's reference close of outperformance claims."""
    _fill_prices_once(session, "versus_reference_price", prices)


def _fill_prices_once(session: Session, column: str, prices: Mapping[int, float]) -> None:
    """Set `column` where it is still NULL, and log each fill (never an overwrite)."""
    if not prices:
        return
    prooflog.lock_head(session)
    table = prediction
    target = table.c[column]
    unfilled = []
    for part in chunks(sorted(prices)):
        unfilled += session.execute(
            select(table.c.id).where(table.c.id.in_(part), target.is_(None))
        ).scalars()
    if not unfilled:
        return
    session.execute(
        update(table)
        .where(table.c.id == bindparam("cid"), target.is_(None))
        .values({column: bindparam("price")}),
        [{"cid": cid, "price": prices[cid]} for cid in unfilled],
    )
    prooflog.append(
        session, [filled_entry(cid, column, plain(float(prices[cid]))) for cid in unfilled]
    )


@dataclass(frozen=True)
class FixedLevel:
    """A computed level fixed by a run: the level, the bars it came from, the reading."""

    level: float
    basis: tuple[date, ...]
    note: str


def set_rule_levels(session: Session, levels: Mapping[int, FixedLevel]) -> None:
    """Fix the pending computed levels of claims, once: a level already set is never changed.

    This is the one change the ledger allows to a recorded claim's level
    (`level IS NULL` in the statement makes it fill-once, whatever the caller).
    """
    if not levels:
        return
    prooflog.lock_head(session)
    table = prediction
    unfilled: list[int] = []
    for part in chunks(sorted(levels)):
        unfilled += session.execute(
            select(table.c.id).where(
                table.c.id.in_(part), table.c.level.is_(None), table.c.level_rule.isnot(None)
            )
        ).scalars()
    if not unfilled:
        return
    values = {
        cid: (levels[cid].level, json.dumps([d.isoformat() for d in levels[cid].basis]))
        for cid in unfilled
    }
    executemany(
        session,
        "UPDATE prediction SET level = ?, level_basis = ?, level_note = ? "
        "WHERE id = ? AND level IS NULL AND level_rule IS NOT NULL",
        [(values[cid][0], values[cid][1], levels[cid].note, cid) for cid in unfilled],
    )
    entries = []
    for cid in unfilled:
        entries += [
            filled_entry(cid, "level", plain(float(values[cid][0]))),
            filled_entry(cid, "level_basis", values[cid][1]),
            filled_entry(cid, "level_note", levels[cid].note),
        ]
    prooflog.append(session, entries)


@dataclass(frozen=True)
class Decision:
    """A verdict ready to be written."""

    claim_id: int
    outcome: str
    values: dict  # resolution columns: evidence, closest approach, level used, ...


RESOLUTION_COLUMNS = RESOLUTION_EVIDENCE


class ClaimsChanged(LedgerError):
    """Claims the resolver was about to settle changed under it (someone else settled them)."""


def apply_decisions(
    session: Session,
    decisions: Sequence[Decision],
    *,
    run_id: int | None,
    from_status: str = "open",
    method: str = "auto",
) -> list[int]:
    """Move claims from `from_status` to their outcome and append their resolutions
    (`method` "auto", or "revised" for a verdict re-judged after a bar revision).

    The status change is a compare-and-set (`... AND status = from_status`);
    if any claim had already moved (another writer got there first) the
    whole symbol's transaction is refused with ClaimsChanged, so nothing is
    resolved twice and a later run picks the claims up again.
    """
    return settle_claims(
        session,
        [d.claim_id for d in decisions],
        [d.outcome for d in decisions],
        [tuple(d.values.get(c) for c in RESOLUTION_COLUMNS) for d in decisions],
        run_id=run_id,
        from_status=from_status,
        method=method,
    )


def settle_claims(
    session: Session,
    claim_ids: Sequence[int],
    outcomes: Sequence[str],
    evidence: Sequence[Sequence],
    *,
    run_id: int | None,
    from_status: str = "open",
    method: str = "auto",
    market: Mapping[int, Sequence] | None = None,
) -> list[int]:
    """`apply_decisions` given as columns: ids, outcomes and each resolution's
    `RESOLUTION_COLUMNS` values in that order (a run settles 100k claims, and
    a Decision with a dict per claim cost more than the statements).

    `market` holds the market baselines (`MARKET_COLUMNS` values, by claim id)
    the run computed for some of these claims: they go in the same UPDATE as
    the status, one statement per claim instead of two."""
    by_column = list(zip(*evidence, strict=True)) if evidence else [()] * len(RESOLUTION_COLUMNS)
    return settle_claim_columns(
        session,
        claim_ids,
        outcomes,
        dict(zip(RESOLUTION_COLUMNS, by_column, strict=True)),
        run_id=run_id,
        from_status=from_status,
        method=method,
        market=market,
    )


def settle_claim_columns(
    session: Session,
    claim_ids: Sequence[int],
    outcomes: Sequence[str],
    evidence: Mapping[str, Sequence],
    *,
    run_id: int | None,
    from_status: str = "open",
    method: str = "auto",
    market: Mapping[int, Sequence] | None = None,
) -> list[int]:
    """`settle_claims` with the evidence as columns (each of `RESOLUTION_COLUMNS`,
    one value per claim): what a run judged by the column hands over, so that
    each column goes to the INSERT's rows and to the proof log's texts as the
    one list it is, never turned into rows and back."""
    if not claim_ids:
        return []
    count = len(claim_ids)
    if len(outcomes) != count or any(len(evidence[c]) != count for c in RESOLUTION_COLUMNS):
        raise ValueError("settle_claim_columns: columns of different lengths")
    prooflog.lock_head(session)
    now = adapt(session, utcnow())
    current = adapt(session, True)  # converted once, not per row
    changed = _update_with_market(
        session,
        ("status",),
        list(zip(outcomes, claim_ids, strict=True)),
        market or {},
        constants=(("open_reason", None), ("open_detail", None), ("checked_at", now)),
        condition=("status", from_status),
    )
    if changed != count:
        raise ClaimsChanged(
            f"{count - changed} claims were settled by someone else during this run"
        )
    if from_status != "open":
        # An open claim has never had a current resolution (every path that
        # writes one also moves the status); a recheck replaces the current one.
        executemany(
            session,
            "UPDATE resolution SET is_current = ? WHERE prediction_id = ? AND is_current = ?",
            [(False, claim_id, True) for claim_id in claim_ids],
        )
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:  # converted once, for the INSERT and the log alike
        evidence = {name: sqlite_column(evidence[name]) for name in RESOLUTION_COLUMNS}
    constants = {"method": method, "is_current": current, "run_id": run_id, "created_at": now}
    columns = ("prediction_id", "outcome", *constants, *RESOLUTION_COLUMNS)
    rows = list(
        zip(
            claim_ids,
            outcomes,
            *(repeat(value, count) for value in constants.values()),
            *(evidence[name] for name in RESOLUTION_COLUMNS),
            strict=True,
        )
    )
    claim_status = dict(zip(claim_ids, outcomes, strict=True))
    # The proof entries are made from the values as handed to the database; only
    # the new ids are read back (and the rows, where a value's storage is not
    # plain to see: `prooflog.append_inserted_resolution_columns`).
    last_id = fetchall(session, "SELECT max(id) FROM resolution", [])[0][0] or 0
    if sqlite:
        # many rows a statement: resolution's IN-list CHECKs (outcome, method, ...) build
        # their lookup tables once per statement, not once per row (bulk_values.py). At
        # import's 32,766 values a statement (~1,900 of these rows) the resolve run's peak
        # RSS rose 39 MB (336 -> 375 MB, 100k cold claims); at 8,192 (~480 rows) 5 MB.
        insert_values(session, "resolution", columns, rows, max_values=RESOLUTION_STATEMENT_VALUES)
    else:
        insert_rows(session, "resolution", columns, rows)
    prooflog.append_inserted_resolution_columns(
        session,
        last_id,
        {
            "prediction_id": claim_ids,
            "outcome": outcomes,
            **{name: [value] * count for name, value in constants.items()},
            **evidence,
        },
        claim_status=claim_status,
    )
    return list(claim_ids)


def current_auto_resolutions(session: Session, claim_ids: Iterable[int]) -> dict[int, tuple]:
    """(outcome, evidence_date, evidence_price) of the current resolution, for rechecks."""
    found: dict[int, tuple] = {}
    for part in chunks(sorted(set(claim_ids))):
        query = select(
            resolution.c.prediction_id,
            resolution.c.outcome,
            resolution.c.evidence_date,
            resolution.c.evidence_price,
        ).where(resolution.c.prediction_id.in_(part), resolution.c.is_current)
        for cid, outcome, day, price in session.execute(query):
            found[cid] = (outcome, day, price)
    return found


def set_open_reasons(
    session: Session,
    reasons: Mapping[int, tuple[str, str | None]],
    checked_at: datetime,
    *,
    market: Mapping[int, Sequence] | None = None,
) -> None:
    """Record why each still-open claim is open (and, in the same UPDATE, the
    `market` baselines given for some of them, as in `settle_claims`).

    A claim no longer open is left alone, but its baseline is written all the
    same: the baseline does not depend on who settled the claim."""
    market = market or {}
    rows = [(reason, detail, cid) for cid, (reason, detail) in reasons.items()]
    changed = _update_with_market(
        session,
        ("open_reason", "open_detail"),
        rows,
        market,
        constants=(("checked_at", adapt(session, checked_at)),),
        condition=("status", "open"),
    )
    if changed != len(rows) and market:
        # Rare (another writer settled some of them): the baselines go in on their own.
        _write_market(session, {cid: market[cid] for cid in reasons if cid in market})


def _update_with_market(
    session: Session,
    columns: tuple[str, ...],
    rows: Sequence[tuple],
    market: Mapping[int, Sequence],
    *,
    constants: Sequence[tuple[str, object]],
    condition: tuple[str, object],
) -> int:
    """`update_rows` of `rows` (values, then the claim id last), the claims in
    `market` with their baseline's columns set too; returns how many rows changed."""
    if not market:
        return update_rows(
            session, "prediction", columns, rows, constants=constants, condition=condition
        )
    plain_rows, market_rows = [], []
    for row in rows:
        values = market.get(row[-1])
        if values is None:
            plain_rows.append(row)
        else:
            market_rows.append((*row[:-1], *values, row[-1]))
    computed_at = (("market_computed_at", adapt(session, utcnow())),)
    return update_rows(
        session, "prediction", columns, plain_rows, constants=constants, condition=condition
    ) + update_rows(
        session,
        "prediction",
        (*columns, *MARKET_COLUMNS),
        market_rows,
        constants=(*constants, *computed_at),
        condition=condition,
    )


def _write_market(session: Session, market: Mapping[int, Sequence]) -> None:
    """The baselines alone, as `store_baselines` writes them."""
    update_rows(
        session,
        "prediction",
        MARKET_COLUMNS,
        [(*values, cid) for cid, values in market.items()],
        constants=(("market_computed_at", adapt(session, utcnow())),),
    )


def store_splits(session: Session, splits: Mapping[str, pd.Series], data_source: str) -> None:
    rows = [
        {
            "symbol": symbol,
            "date": pd.Timestamp(day).date(),
            "ratio": float(ratio),
            "data_source": data_source,
            "fetched_at": utcnow(),
        }
        for symbol, series in splits.items()
        for day, ratio in series.items()
    ]
    upsert_rows(session, split, rows, ("ratio", "data_source", "fetched_at"))


def load_splits(session: Session, symbols: Iterable[str]) -> dict[str, pd.Series]:
    found: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for part in chunks(sorted(set(symbols))):
        # Through the driver: a resolve run asks once per symbol, and almost none has a split.
        rows = fetchall(
            session,
            f"SELECT symbol, date, ratio FROM split WHERE symbol IN ({', '.join('?' * len(part))})",
            list(part),
        )
        for symbol, day, ratio in rows:
            found[symbol].append((as_date(day), ratio))
    out = {}
    for symbol, items in found.items():
        items.sort()
        index = pd.DatetimeIndex([pd.Timestamp(d) for d, _ in items], name="date")
        out[symbol] = pd.Series([r for _, r in items], index=index, name="split_ratio")
    return out


def errors_json(errors: Mapping[str, str]) -> str | None:
    return json.dumps(dict(sorted(errors.items()))) if errors else None
