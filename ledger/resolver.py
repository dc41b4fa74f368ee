"""One resolver run: open claims + market data + rules, written back with evidence.

The run works out per symbol the one date range it needs, asks the price
source once for all of them, then judges and commits symbol by symbol.
Claims about two assets are grouped under a compound key (a ratio
"GC=F/SI=F", a pair "GC=F vs BTC-USD", `ledger.claims.pairs`): the source is
asked for each leg, never for the key, and the compound keys are judged after
every plain symbol, from both legs' cached bars. A
crash or a kill between symbols leaves every committed symbol complete and the
rest untouched; the next run finishes the job. A symbol whose data could not
be fetched keeps its claims open with the reason recorded, never FALSE.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ledger.bars import BAR_COLUMNS, OK, QUALITY_COLUMN
from ledger.claims.bounds import BoundsError, check_price
from ledger.claims.model import Claim
from ledger.claims.pairs import legs_of, pair_key, pair_legs, ratio_legs
from ledger.errors import UsageError
from ledger.market.source import FetchResult, PriceSource, SymbolError, VersionedSource
from ledger.price_cache import REFETCH_DAYS, fetch_missing, missing_range
from ledger.rules import (
    EvidenceField,
    LegData,
    OpenReason,
    Verdict,
    ratio_bars,
    ratio_gaps,
    ratio_splits,
    resolve_many,
    resolve_outperformance,
    unjudgeable,
    with_ratio_legs,
)
from ledger.rules.calendar import day_numbers
from ledger.rules.judge import NO_DAY, ClaimColumns, VerdictColumns, resolve_columns
from ledger.rules.levels import BarArrays, compute_levels, history_start
from ledger.services.corrections import rejudge_revised
from ledger.store.baselines import claims_needing_baseline, market_values, store_baselines
from ledger.store.core_tables import utcnow
from ledger.store.engine import refresh_planner_statistics
from ledger.store.prices import (
    SourceVersion,
    cached_ranges,
    gaps_by_symbol,
    load_gaps,
    load_symbol_bars,
    record_coverage,
    source_versions,
    store_bars,
    store_gaps,
)
from ledger.store.resolving import (
    ClaimsChanged,
    Decision,
    FixedLevel,
    OpenClaim,
    OpenColumns,
    apply_decisions,
    claims_to_check,
    current_auto_resolutions,
    load_splits,
    open_claims_and_baselines,
    open_claims_split,
    set_open_reasons,
    set_reference_prices,
    set_rule_levels,
    set_versus_reference_prices,
    settle_claim_columns,
    store_splits,
)
from ledger.store.revisions import (
    RunRevision,
    StoredRevision,
    changed_bars,
    decided_compound_keys,
    record_bar_revisions,
    rejected_bars,
    settled_since,
)
from ledger.store.runs import acquire_lock, finish_run, start_run

REFERENCE_LOOKBACK_DAYS = 7  # a made_on on a weekend takes the last close before it

Progress = Callable[[str, int, int], None]  # (symbol, done, total)


@dataclass(frozen=True)
class DecidedColumns:
    """The claims of one symbol a run decided by the column, kept as the columns
    the resolution INSERT was given: a run of 100k claims made a dict per claim
    (0.1 s) that only `--json` reads, so the rows are made when asked for."""

    symbol: str
    ids: list[int]
    outcomes: list[str]
    evidence_dates: list  # ISO text (`iso_dates`) or dates, None where there is none
    evidence_prices: list[float | None]
    evidence_fields: list[str | None]
    bar_qualities: list[str | None]
    iso_dates: bool

    def rows(self) -> list[dict]:
        """`ResolveSummary.decided`'s rows for these claims, in their order."""
        return [
            {
                "id": claim_id,
                "symbol": self.symbol,
                "outcome": outcome,
                "evidence_date": day if self.iso_dates else _iso(day),
                "evidence_price": price,
                "evidence_field": field_name,
                "bar_quality": quality,
            }
            for claim_id, outcome, day, price, field_name, quality in zip(
                self.ids,
                self.outcomes,
                self.evidence_dates,
                self.evidence_prices,
                self.evidence_fields,
                self.bar_qualities,
                strict=True,
            )
        ]


@dataclass
class ResolveSummary:
    """What a run did, for the terminal, for `--json` and for the run record."""

    run_id: int | None
    as_of: date
    price_source: str
    dry_run: bool
    symbols: int = 0
    claims_checked: int = 0
    resolved_true: int = 0
    resolved_false: int = 0
    still_open: int = 0
    changed_on_recheck: int = 0
    open_reasons: Counter = field(default_factory=Counter)
    failed_symbols: dict[str, str] = field(default_factory=dict)
    rejected_bars: dict[str, list[str]] = field(default_factory=dict)
    # Per symbol, the days in its span whose bar is rejected after this run (the
    # same on the same data, whatever a run fetched), and how many are new.
    rejected_held: dict[str, int] = field(default_factory=dict)
    rejected_new: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    bars_stored: int = 0
    bars_revised: int = 0
    # What `decided` lists, as built: a claim's row (dict) or a `DecidedColumns` of
    # many; the rows are made only if `--json` asks for them.
    decided_parts: list[dict | DecidedColumns] = field(default_factory=list)
    # Resolutions that stood on a bar this run found revised, and what became of them.
    revisions: list[RunRevision] = field(default_factory=list)

    def absorb(self, other: ResolveSummary) -> None:
        """Add one symbol's figures to the run's."""
        self.claims_checked += other.claims_checked
        self.resolved_true += other.resolved_true
        self.resolved_false += other.resolved_false
        self.still_open += other.still_open
        self.changed_on_recheck += other.changed_on_recheck
        self.open_reasons.update(other.open_reasons)
        self.failed_symbols.update(other.failed_symbols)
        self.rejected_bars.update(other.rejected_bars)
        self.rejected_held.update(other.rejected_held)
        self.rejected_new.update(other.rejected_new)
        self.bars_stored += other.bars_stored
        self.bars_revised += other.bars_revised
        self.decided_parts.extend(other.decided_parts)
        self.revisions.extend(other.revisions)

    @property
    def decided(self) -> list[dict]:
        """Each claim this run decided: id, symbol, outcome and its evidence."""
        rows: list[dict] = []
        for part in self.decided_parts:
            if isinstance(part, DecidedColumns):
                rows.extend(part.rows())
            else:
                rows.append(part)
        return rows

    @property
    def exit_code(self) -> int:
        return 1 if self.failed_symbols else 0

    def to_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "as_of": self.as_of.isoformat(),
            "price_source": self.price_source,
            "dry_run": self.dry_run,
            "symbols": self.symbols,
            "claims_checked": self.claims_checked,
            "resolved_true": self.resolved_true,
            "resolved_false": self.resolved_false,
            "still_open": self.still_open,
            "changed_on_recheck": self.changed_on_recheck,
            "open_reasons": dict(sorted(self.open_reasons.items())),
            "failed_symbols": dict(sorted(self.failed_symbols.items())),
            "rejected_bars": {k: v for k, v in sorted(self.rejected_held.items()) if v},
            "rejected_bars_new": {k: v for k, v in sorted(self.rejected_new.items()) if v},
            "requests": self.requests,
            "bars_stored": self.bars_stored,
            "bars_revised": self.bars_revised,
            "resolved": self.decided,
            "revised": [r.to_json() for r in self.revisions],
        }


def run_resolver(
    engine: Engine,
    source: PriceSource,
    *,
    as_of: date,
    today: date | None = None,
    dry_run: bool = False,
    recheck: bool = False,
    progress: Progress | None = None,
) -> ResolveSummary:
    """Resolve every open claim that the data can settle as of `as_of`."""
    today = today or date.today()
    if as_of > today:
        raise UsageError(f"--as-of {as_of} is in the future: the latest is today, {today}")
    lock = None if dry_run else acquire_lock(engine)
    try:
        return _run(engine, source, as_of, dry_run, recheck, progress, lock)
    finally:
        if lock is not None:
            lock.release()


def _run(engine, source, as_of, dry_run, recheck, progress, lock) -> ResolveSummary:
    if not dry_run:
        refresh_planner_statistics(engine)
    with Session(engine) as session:
        columns_by_symbol: dict[str, OpenColumns] = {}
        needing_baseline: dict = {}
        if recheck:  # decided claims too: each with its current resolution, one by one
            claims_by_symbol = claims_to_check(session, recheck=True)
            needing_baseline = {} if dry_run else claims_needing_baseline(session)
        elif dry_run:
            columns_by_symbol, claims_by_symbol = open_claims_split(session)
        else:
            columns_by_symbol, claims_by_symbol, needing_baseline = open_claims_and_baselines(
                session
            )
        claims_by_symbol = _by_pair(claims_by_symbol)
    invalid = _set_aside_unjudgeable(claims_by_symbol)
    invalid_baselines = []
    history: dict[str, tuple[date, date]] = {}
    if needing_baseline or any(
        c.due is not None and c.due.any() for c in columns_by_symbol.values()
    ):
        # SciPy comes with the baselines; a run with none to compute starts without it.
        from ledger.baseline import columns_history_range, history_range, set_aside_unjudgeable

        for symbol, columns in columns_by_symbol.items():
            if columns.due is not None and columns.due.any():
                history[symbol] = columns_history_range(columns.claims, columns.due)
    if needing_baseline:
        # The claims the run just found judgeable need no second bounds check.
        judged = {item.id for items in claims_by_symbol.values() for item in items}
        for columns in columns_by_symbol.values():
            judged.update(columns.ids)
        invalid_baselines = set_aside_unjudgeable(needing_baseline, checked=judged)
        for symbol, claims in needing_baseline.items():
            history[symbol] = _union_range(history.get(symbol), history_range(claims))
    keys = set(claims_by_symbol) | set(columns_by_symbol) | set(needing_baseline)
    with Session(engine) as session:
        cache = cached_ranges(session, {leg for key in keys for leg in legs_of(key)})
    run_id = None
    if not dry_run:
        with Session(engine) as session, session.begin():
            run_id = start_run(session, as_of=as_of, price_source=source.name, dry_run=dry_run)
            set_open_reasons(session, invalid, utcnow())
            if invalid_baselines:
                store_baselines(session, invalid_baselines)
    summary = ResolveSummary(
        run_id,
        as_of,
        source.name,
        dry_run,
        symbols=len(set(claims_by_symbol) | set(columns_by_symbol)),
    )
    summary.claims_checked = summary.still_open = len(invalid)
    if invalid:
        summary.open_reasons[OpenReason.INVALID_CLAIM.value] = len(invalid)

    needed = {s: needed_range(c, as_of) for s, c in claims_by_symbol.items()}
    for symbol, columns in columns_by_symbol.items():
        needed[symbol] = _union_range(needed.get(symbol), columns_range(columns, as_of))
    # One request per symbol covers both the resolve window and the history the
    # market baseline of new claims needs.
    fetch_spans = {s: span for s, span in needed.items() if span is not None}
    for symbol, (first, last) in history.items():
        span = (first, min(last, as_of))
        if symbol in fetch_spans:
            span = (min(span[0], fetch_spans[symbol][0]), max(span[1], fetch_spans[symbol][1]))
        if span[0] <= span[1]:
            fetch_spans[symbol] = span
    leg_spans = _leg_spans(fetch_spans)
    # A verdict on one of the latest bars: those bars are fetched again like an
    # open claim's (`missing_range`), so a revision of them re-judges it
    # (`ledger.services.corrections`) even when no open claim needs the symbol.
    with Session(engine) as session:
        settled = settled_since(session, as_of - timedelta(days=REFETCH_DAYS))
    for symbol, first in settled.items():
        if symbol not in leg_spans and first <= as_of:
            leg_spans[symbol] = (first, as_of)
    with Session(engine) as session:
        held_gaps = gaps_by_symbol(session, leg_spans)
    if recheck:  # a data correction: ask the source again for everything judged
        wanted = dict(leg_spans)
    else:
        wanted = {
            symbol: missing
            for symbol, span in leg_spans.items()
            if (missing := missing_range(span, cache.get(symbol), as_of)) is not None
        }
        # A rejected bar is asked for again on every run: feeds fix their errors.
        # From a week before it, so that a spike is judged against its neighbours again.
        for symbol, days in held_gaps.items():
            first = days[0] - timedelta(days=REFERENCE_LOOKBACK_DAYS)
            last = leg_spans[symbol][1]
            if symbol in wanted:
                first, last = min(first, wanted[symbol][0]), max(last, wanted[symbol][1])
            wanted[symbol] = (first, last)
        with Session(engine) as session:
            unchanged = source_versions(session, set(wanted) - set(held_gaps))
        wanted = _without_unchanged(wanted, source, unchanged)
    fetched = fetch_missing(source, wanted)
    summary.requests = fetched.requests

    failed = {symbol: f"{e.code}: {e.message}" for symbol, e in fetched.errors.items()}
    plain = {leg for key in keys for leg in legs_of(key)} | set(settled)
    # Plain symbols first: their transactions store the bars the compound keys are built from.
    # Ratios and pairs with settled claims on a fetched leg: a revision of the leg
    # re-judges them (`ledger.services.corrections`), open claims or not.
    with Session(engine) as session:
        settled_pairs = decided_compound_keys(session, set(fetched.bars)) - keys
    symbols = sorted(plain) + sorted((keys | settled_pairs) - plain)
    run = _SymbolRun(
        as_of, source.name, dry_run, recheck, run_id, claims_by_symbol, columns_by_symbol,
        needing_baseline,
        plain, fetched, wanted, fetch_spans, leg_spans, held_gaps, failed,
        uncached=frozenset(plain - set(cache)),
    )  # fmt: skip
    done = 0
    weights = {s: len(c) for s, c in claims_by_symbol.items()}
    for symbol, columns in columns_by_symbol.items():
        weights[symbol] = weights.get(symbol, 0) + len(columns)
    for batch in _batches(symbols, weights, fetched, 1 if dry_run else BATCH_ROWS):
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                tallies = [run.settle(session, symbol) for symbol in batch]
                if dry_run:
                    session.rollback()
        except ClaimsChanged as exc:
            if len(batch) == 1:
                summary.failed_symbols[batch[0]] = f"not settled: {exc}; the next run settles them"
                tallies = []
            else:
                # Someone else settled claims of one symbol of the batch: the
                # batch is rolled back whole and its symbols go again, one
                # transaction each, so that only that symbol waits for the next run.
                tallies = run.settle_one_by_one(engine, batch, summary)
        for tally in tallies:
            summary.absorb(tally)
        for symbol in batch:  # a batch settled by the fallback is done too
            done += 1
            if lock is not None:
                lock.heartbeat()
            if progress is not None:
                progress(symbol, done, len(symbols))

    if run_id is not None:
        with Session(engine) as session, session.begin():
            finish_run(
                session,
                run_id,
                symbols=summary.symbols,
                claims_checked=summary.claims_checked,
                resolved_true=summary.resolved_true,
                resolved_false=summary.resolved_false,
                still_open=summary.still_open,
                failed_symbols=len(summary.failed_symbols),
                errors=summary.failed_symbols,
                requests=summary.requests,
                bars_stored=summary.bars_stored,
                bars_rejected=sum(summary.rejected_held.values()),
            )
    return summary


BATCH_ROWS = 200_000
"""Symbols share a transaction until their claims and fetched bars reach this many rows.

Each commit of a SQLite ledger ends in a WAL sync (tens of milliseconds on a
shared disk), so one transaction per symbol cost 200 syncs on a 200-symbol
run. And a commit writes every page the batch dirtied: the claims of one
symbol lie all over the `prediction` table, so each batch rewrites most of
its pages (twelve batches of a 100k-claim cold run spent 1.0 s of CPU
committing, four 0.75 s; session 8, a loaded machine). A batch stays small
enough that a kill loses little work (a few seconds of it), and a symbol
never straddles two transactions: a kill still leaves every committed symbol
complete and the rest untouched.
"""


def _batches(
    symbols: Sequence[str],
    claims: dict[str, int],
    fetched: FetchResult,
    rows: int,
) -> list[list[str]]:
    """`symbols` in order, cut into runs of about `rows` claims plus fetched bars."""
    batches: list[list[str]] = []
    current: list[str] = []
    weight = 0
    for symbol in symbols:
        bars = fetched.bars.get(symbol)
        weight += claims.get(symbol, 0) + (0 if bars is None else len(bars))
        current.append(symbol)
        if weight >= rows:
            batches.append(current)
            current, weight = [], 0
    if current:
        batches.append(current)
    return batches


@dataclass
class _SymbolRun:
    """What settling each symbol needs from the run: its claims, the fetch, the spans."""

    as_of: date
    price_source: str
    dry_run: bool
    recheck: bool
    run_id: int | None
    claims_by_symbol: dict[str, list[OpenClaim]]
    # A plain symbol's open claims of a fixed level, judged by the column.
    columns_by_symbol: dict[str, OpenColumns]
    needing_baseline: dict
    plain: set[str]
    fetched: FetchResult
    wanted: dict[str, tuple[date, date]]
    fetch_spans: dict[str, tuple[date, date]]
    leg_spans: dict[str, tuple[date, date]]
    held_gaps: dict[str, list[date]]
    failed: dict[str, str]
    # Each plain symbol's revised bars, for the ratios and pairs judged after it.
    revised_legs: dict[str, list[StoredRevision]] = field(default_factory=dict)
    # Plain symbols the cache held no bars or coverage for when the run began.
    uncached: frozenset[str] = frozenset()

    def settle_one_by_one(
        self, engine: Engine, symbols: Sequence[str], summary: ResolveSummary
    ) -> list[ResolveSummary]:
        """Each symbol in a transaction of its own; one whose claims changed is left."""
        tallies = []
        for symbol in symbols:
            try:
                with Session(engine, expire_on_commit=False) as session, session.begin():
                    tallies.append(self.settle(session, symbol))
            except ClaimsChanged as exc:
                summary.failed_symbols[symbol] = f"not settled: {exc}; the next run settles them"
        return tallies

    def settle(self, session: Session, symbol: str) -> ResolveSummary:
        """Store the symbol's fetched bars, judge its claims and write the verdicts (and
        its new claims' baselines) in the caller's transaction; returns its figures,
        which join the run's only once that transaction commits."""
        as_of, dry_run, run_id, fetched = self.as_of, self.dry_run, self.run_id, self.fetched
        claims = self.claims_by_symbol.get(symbol, [])
        needing_baseline = self.needing_baseline
        tally = ResolveSummary(run_id, as_of, self.price_source, dry_run)
        revised: list[StoredRevision] = []
        if symbol in self.plain:
            revised = _store_fetched(
                session, symbol, fetched, tally, self.wanted.get(symbol), run_id
            )
            # Kept (or dropped) for the ratios and pairs judged after it; a batch
            # redone after ClaimsChanged sets it again.
            self.revised_legs[symbol] = revised
        elif dry_run:  # the legs' bars were rolled back with their own transactions
            for leg in legs_of(symbol):
                revised += _store_fetched(
                    session,
                    leg,
                    fetched,
                    ResolveSummary(None, as_of, "", True),
                    self.wanted.get(leg),
                )
        else:  # a ratio or a pair: its legs' revisions, stored by their transactions
            revised = [r for leg in legs_of(symbol) for r in self.revised_legs.get(leg, ())]
        span = self.fetch_spans.get(symbol)
        if symbol in self.leg_spans and symbol in self.plain:
            held = gaps_by_symbol(session, {symbol: self.leg_spans[symbol]}).get(symbol, [])
            tally.rejected_held[symbol] = len(held)
            tally.rejected_new[symbol] = len(set(held) - set(self.held_gaps.get(symbol, [])))
        if revised:
            judged = rejudge_revised(
                session,
                symbol,
                revised,
                as_of=as_of,
                run_id=run_id,
                data_source=self.price_source,
                evidence=_evidence,
                moved_evidence=self.recheck,
            )
            tally.revisions += judged
            tally.changed_on_recheck += sum(
                1 for r in judged if self.recheck and r.new_resolution_id is not None
            )
            # Judged already, on the corrected bars: a recheck leaves them be.
            done_ids = {r.claim_id for r in judged}
            claims = [c for c in claims if c.status == "open" or c.id not in done_ids]
        if symbol in self.plain:
            bars, gaps = self._bars_for(session, symbol, span)
            splits = load_splits(session, [symbol]).get(symbol)
            error = fetched.errors.get(symbol)
            baselines = []
            if symbol in needing_baseline and symbol not in self.failed:
                baselines = _baselines_for(needing_baseline[symbol], bars, splits)
            if claims:
                _resolve_symbol(
                    session,
                    symbol,
                    claims,
                    (bars, gaps),
                    splits,
                    error,
                    tally,
                    run_id,
                    rejected=fetched.rejected.get(symbol),
                )
            columns = self.columns_by_symbol.get(symbol)
            if columns is not None:
                # The column claims' baselines ride on their status or open-reason UPDATE.
                market = {b.claim_id: market_values(b) for b in baselines}
                written = set(columns.ids) & market.keys()
                market = {cid: market[cid] for cid in written}
                if columns.due is not None and columns.due.any() and symbol not in self.failed:
                    market.update(_column_baselines(columns, bars, splits))
                _resolve_columns(
                    session,
                    symbol,
                    columns,
                    (bars, gaps),
                    splits,
                    error,
                    tally,
                    run_id,
                    rejected=fetched.rejected.get(symbol),
                    market=market,
                )
                baselines = [b for b in baselines if b.claim_id not in written]
            if baselines:
                store_baselines(session, baselines)
        else:
            _resolve_compound(
                session,
                symbol,
                claims,
                span,
                fetched,
                tally,
                run_id,
                needing_baseline.get(symbol)
                if not self.failed.keys() & set(legs_of(symbol))
                else None,
            )
        return tally

    def _bars_for(
        self, session: Session, symbol: str, span: tuple[date, date] | None
    ) -> tuple[pd.DataFrame, list[date]]:
        """The bars and gaps `_load_bars` reads back, the bars straight from the fetch
        when they alone can be what the cache now holds.

        That is when the cache held no bar and no coverage for the symbol as the
        run began (a cold run): the only bars it holds now are the ones this
        transaction just stored, the fetched frame whole (a rejected day has no
        bar in it). Reading ten years of them back costs as much as storing them.
        """
        frame = self.fetched.bars.get(symbol)
        if span is None or symbol not in self.uncached or frame is None:
            return _load_bars(session, symbol, span)
        start, end = span[0] - timedelta(days=REFERENCE_LOOKBACK_DAYS), span[1]
        first, last = pd.Timestamp(start), pd.Timestamp(end)
        index = frame.index
        # A cold run fetched just the span: then the frame is taken whole, not sliced.
        whole = index.is_monotonic_increasing and (
            len(index) == 0 or (index[0] >= first and index[-1] <= last)
        )
        inside = frame if whole else frame.loc[first:last]
        bars = pd.DataFrame(
            {
                **{c: inside[c].to_numpy(dtype=np.float64) for c in BAR_COLUMNS},
                QUALITY_COLUMN: _quality_texts(inside),
            },
            index=pd.DatetimeIndex(inside.index.values.astype("datetime64[ns]"), name="date"),
        )
        return bars, load_gaps(session, symbol, start, end)


def _quality_texts(bars: pd.DataFrame) -> np.ndarray:
    """The bars' quality column as an object array of str (`OK` where there is none),
    as `_load_bars` reads it back; a column of str already (`check_bars` makes
    one) is copied as it is, not converted value by value."""
    if QUALITY_COLUMN not in bars.columns:
        return np.array([OK] * len(bars), dtype=object)
    values = bars[QUALITY_COLUMN].to_numpy(dtype=object)
    if set(map(type, values)) <= {str}:
        return values.copy()
    return np.array([str(q) for q in values.tolist()], dtype=object)


def _baselines_for(claims: list, bars: pd.DataFrame, splits: pd.Series | None) -> list:
    from ledger.baseline import baselines_for  # SciPy, only when baselines are computed

    return baselines_for(claims, bars, splits)


def _column_baselines(
    columns: OpenColumns, bars: pd.DataFrame, splits: pd.Series | None
) -> dict[int, tuple]:
    """The baselines (`MARKET_COLUMNS` values, by claim id) of the column claims due one."""
    from ledger.baseline import baseline_columns  # SciPy, only when baselines are computed

    claims, due = columns.claims, columns.due
    assert due is not None
    ids = columns.ids
    if not due.all():
        picked = np.flatnonzero(due).tolist()
        ids = [ids[i] for i in picked]
        claims = ClaimColumns(
            claims.symbol,
            [claims.kind[i] for i in picked],
            claims.made_on[due],
            claims.window_start[due],
            claims.deadline[due],
            claims.level[due],
            claims.upper[due],
        )
    values = baseline_columns(claims, bars, splits)
    return dict(zip(ids, zip(*values, strict=True), strict=True))


def _without_unchanged(
    wanted: dict[str, tuple[date, date]],
    source: PriceSource,
    held: dict[str, SourceVersion],
) -> dict[str, tuple[date, date]]:
    """`wanted` less the symbols whose range the cache read from the same data.

    The last few days are asked for again on every run because a feed's latest
    bar may have been partial, and a rejected bar because feeds fix their
    errors. A source that can say its data has not changed since the cache
    read those very days (a CSV file of the same size and modification time)
    would only serve the same bars again: a warm run over 200 files reads none.
    `held` leaves out the symbols with rejected bars: those are read again on
    every run, so that each run reports them as the source gives them.
    """
    if not held or not isinstance(source, VersionedSource):
        return wanted
    current = source.versions([s for s in wanted if s in held])
    kept = {}
    for symbol, (first, last) in wanted.items():
        version = held.get(symbol)
        if (
            version is not None
            and version.data_source == source.name
            and current.get(symbol) == version.version
            and version.first <= first
            and last <= version.last
        ):
            continue
        kept[symbol] = (first, last)
    return kept


def _by_pair(claims_by_symbol: dict[str, list[OpenClaim]]) -> dict[str, list[OpenClaim]]:
    """Outperformance claims move from their first asset's symbol to their pair's key."""
    grouped: dict[str, list[OpenClaim]] = {}
    for symbol, claims in claims_by_symbol.items():
        for item in claims:
            versus = item.claim.versus_symbol
            key = pair_key(symbol, versus) if item.claim.is_outperformance and versus else symbol
            grouped.setdefault(key, []).append(item)
    return grouped


def _leg_spans(spans: dict[str, tuple[date, date]]) -> dict[str, tuple[date, date]]:
    """The date range to ask the source for, per leg: the union over the keys it serves."""
    out: dict[str, tuple[date, date]] = {}
    for key, (first, last) in spans.items():
        for leg in legs_of(key):
            if leg in out:
                first_seen, last_seen = out[leg]
                out[leg] = (min(first, first_seen), max(last, last_seen))
            else:
                out[leg] = (first, last)
    return out


def _set_aside_unjudgeable(
    claims_by_symbol: dict[str, list[OpenClaim]],
) -> dict[int, tuple[str, str | None]]:
    """Take the claims no rule can judge out of the run; their open reasons, by claim id.

    A stored value outside the entry bounds (a made_on in year 1, an infinite
    level) would otherwise crash the date arithmetic of the whole run. Only
    open claims get the reason: a decided one is simply not re-judged.
    """
    reasons: dict[int, tuple[str, str | None]] = {}
    for symbol in list(claims_by_symbol):
        kept = []
        for item in claims_by_symbol[symbol]:
            why = unjudgeable(item.claim)
            if why is None:
                kept.append(item)
            elif item.status == "open":
                detail = f"cannot be judged: {why}; void it and record it again"
                reasons[item.id] = (OpenReason.INVALID_CLAIM.value, detail)
        if kept:
            claims_by_symbol[symbol] = kept
        else:
            del claims_by_symbol[symbol]
    return reasons


def _store_fetched(
    session: Session,
    symbol: str,
    fetched: FetchResult,
    summary: ResolveSummary,
    asked: tuple[date, date] | None,
    run_id: int | None = None,
) -> list[StoredRevision]:
    """Fetched bars go to the cache in the symbol's transaction (a dry run rolls it back).

    A stored bar the fetch serves with other prices is a revision: its old and
    new prices are kept first (`ledger.store.revisions`), and returned, so the
    verdicts that stood on it can be judged again.
    """
    revised: list[StoredRevision] = []
    if symbol in fetched.bars:
        if asked is not None:
            record_coverage(
                session,
                symbol,
                asked[0],
                asked[1],
                summary.price_source,
                fetched.versions.get(symbol),
            )
        changes = changed_bars(session, symbol, fetched.bars[symbol])
        if asked is not None:
            # a bar the source served before and now rejects: a revision too
            now_rejected = {
                day: why
                for day, why in fetched.gaps.get(symbol, {}).items()
                if asked[0] <= day <= asked[1]
            }
            changes += rejected_bars(session, symbol, now_rejected)
        revised = record_bar_revisions(session, changes, summary.price_source, run_id)
        summary.bars_revised += len(revised)
        summary.bars_stored += store_bars(
            session, {symbol: fetched.bars[symbol]}, summary.price_source
        )
        if asked is not None:
            gaps = fetched.gaps.get(symbol, {})
            store_gaps(session, symbol, asked[0], asked[1], gaps, summary.price_source)
        if len(fetched.splits.get(symbol, ())):
            store_splits(session, {symbol: fetched.splits[symbol]}, summary.price_source)
    return revised


def _load_bars(
    session: Session, symbol: str, span: tuple[date, date] | None
) -> tuple[pd.DataFrame, list[date]]:
    """The symbol's cached bars over its span (plus a week for a reference close),
    and the dates in it whose bar the source gave but validation rejected."""
    if span is None:
        empty = pd.DataFrame(
            {c: pd.Series(dtype=np.float64) for c in BAR_COLUMNS},
            index=pd.DatetimeIndex([], name="date", dtype="datetime64[ns]"),
        )
        return empty, []
    start = span[0] - timedelta(days=REFERENCE_LOOKBACK_DAYS)
    return (
        load_symbol_bars(session, symbol, start, span[1]),
        load_gaps(session, symbol, start, span[1]),
    )


def needed_range(claims: Sequence[OpenClaim], as_of: date) -> tuple[date, date] | None:
    """The one date range a symbol's claims need, or None when no window has begun.

    It runs through as_of whatever the deadlines: a claim is covered by a bar
    after its deadline, and a lone claim whose deadline fell on a holiday
    would otherwise wait for a bar it never asks for.
    """
    starts = []
    for item in claims:
        claim = item.claim
        start = claim.window_start
        if claim.relative is not None and claim.reference_price is None:
            start = min(start, claim.made_on - timedelta(days=REFERENCE_LOOKBACK_DAYS))
        if claim.is_outperformance:
            # The reference closes, and the evidence of which bar they were.
            start = min(start, claim.reference_day - timedelta(days=REFERENCE_LOOKBACK_DAYS))
        if claim.level_pending:
            assert claim.level_rule is not None
            start = min(start, history_start(claim.level_rule, claim.made_on))
        starts.append(start)
    first = min(starts)
    # Through as_of, not only through the deadlines: a deadline on a holiday is
    # settled by the first bar after it, which a lone claim would never ask for.
    last = as_of
    return (first, last) if first <= last else None


def _resolve_symbol(
    session: Session,
    symbol: str,
    claims: list[OpenClaim],
    bars_and_gaps: tuple[pd.DataFrame, list[date]],
    splits: pd.Series | None,
    error: SymbolError | None,
    summary: ResolveSummary,
    run_id: int | None,
    *,
    rejected: list[str] | None = None,
    finish: Callable[[list[Verdict]], list[Verdict]] | None = None,
) -> None:
    """Judge one symbol's claims (a ratio's too: `finish` adds its legs' closes) and write."""
    bars, gaps = bars_and_gaps
    summary.claims_checked += len(claims)
    if error is not None:
        summary.failed_symbols[symbol] = f"{error.code}: {error.message}"
    if rejected:
        summary.rejected_bars[symbol] = rejected
    claims, refused = _with_reference_prices(session, claims, bars, splits)
    claims, pending = _with_rule_levels(session, claims, bars_and_gaps, splits)
    verdicts = resolve_many([c.claim for c in claims], bars, summary.as_of, splits, gaps=gaps)
    if finish is not None:
        verdicts = finish(verdicts)
    _write_verdicts(
        session, symbol, claims, verdicts, refused, error, bars.empty, summary, run_id, pending
    )


def _resolve_columns(
    session: Session,
    symbol: str,
    columns: OpenColumns,
    bars_and_gaps: tuple[pd.DataFrame, list[date]],
    splits: pd.Series | None,
    error: SymbolError | None,
    summary: ResolveSummary,
    run_id: int | None,
    *,
    rejected: list[str] | None = None,
    market: dict[int, tuple] | None = None,
) -> None:
    """`_resolve_symbol` for a symbol's open claims of a fixed level, held as columns:
    judged by `resolve_columns`, written a column at a time, with the same
    resolutions, open reasons and figures the claim-by-claim path gives.

    `market` holds baselines of these claims (by id) to write with them: every
    claim here gets one UPDATE (its status or its open reason), which takes them."""
    bars, gaps = bars_and_gaps
    summary.claims_checked += len(columns)
    if error is not None:
        summary.failed_symbols[symbol] = f"{error.code}: {error.message}"
    if rejected:
        summary.rejected_bars[symbol] = rejected
    verdicts = resolve_columns(columns.claims, bars, summary.as_of, splits, gaps=gaps)
    outcome = verdicts.outcome
    reasons: dict[int, tuple[str, str | None]] = {}
    for index in np.flatnonzero(outcome == -1).tolist():
        reason = verdicts.open_reason[index]
        assert reason is not None
        if error is not None and (bars.empty or reason is not OpenReason.WAITING_FOR_DEADLINE):
            code = "unknown_symbol" if error.code == "unknown_symbol" else "source_error"
            reasons[columns.ids[index]] = (code, error.message)
            summary.open_reasons[code] += 1
        else:
            reasons[columns.ids[index]] = (reason.value, verdicts.open_detail[index])
            summary.open_reasons[reason.value] += 1
    summary.still_open += len(reasons)
    decided = np.flatnonzero(outcome != -1)
    if len(decided):
        ids = np.asarray(columns.ids, dtype=np.int64)[decided].tolist()
        outcomes = ["true" if o == 1 else "false" for o in outcome[decided].tolist()]
        iso = session.get_bind().dialect.name == "sqlite"
        evidence = _evidence_columns(verdicts, decided, summary.price_source, iso_dates=iso)
        settle_claim_columns(session, ids, outcomes, evidence, run_id=run_id, market=market)
        true_count = outcomes.count("true")
        summary.resolved_true += true_count
        summary.resolved_false += len(outcomes) - true_count
        summary.decided_parts.append(
            DecidedColumns(
                symbol,
                ids,
                outcomes,
                evidence["evidence_date"],
                evidence["evidence_price"],
                evidence["evidence_field"],
                evidence["bar_quality"],
                iso_dates=iso,
            )
        )
    set_open_reasons(session, reasons, utcnow(), market=market)


def _evidence_columns(
    verdicts: VerdictColumns, decided: np.ndarray, data_source: str, *, iso_dates: bool
) -> dict[str, list]:
    """The decided verdicts' `RESOLUTION_COLUMNS` values, a list per column, as
    `_evidence` gives them (with `iso_dates`, dates as the ISO text SQLite
    stores, converted in C)."""
    as_dates = _iso_or_none if iso_dates else _dates_or_none
    positions = decided.tolist()
    used = _floats_or_none(verdicts.level_used[decided])
    stated = _floats_or_none(verdicts.stated_level[decided])
    factors = verdicts.split_factor[decided].tolist()
    count = len(positions)
    fields = map(verdicts.evidence_field.__getitem__, positions)
    # Almost every claim of a run is in a series without splits: no note to write.
    notes = (
        [None] * count
        if factors.count(1.0) == count
        else [
            _note(stated_level, level_used, factor)
            for stated_level, level_used, factor in zip(stated, used, factors, strict=True)
        ]
    )
    return {
        "evidence_date": as_dates(verdicts.evidence_day[decided]),
        "evidence_price": _floats_or_none(verdicts.evidence_price[decided]),
        "evidence_field": list(map(_FIELD_VALUES.__getitem__, fields)),
        "level_used": used,
        "split_factor": factors,
        "closest_date": as_dates(verdicts.closest_day[decided]),
        "closest_price": _floats_or_none(verdicts.closest_price[decided]),
        "days_to_touch": [None if d < 0 else d for d in verdicts.days_to_touch[decided].tolist()],
        "data_source": [data_source] * count,
        "note": notes,
        "leg_evidence": [None] * count,  # a one-series claim has no legs
        "bar_quality": list(map(verdicts.bar_quality.__getitem__, positions)),
    }


# An evidence field's stored text by member (a StrEnum's `.value` is a Python
# property: 100k of them were 0.1-0.2 s of a cold run), None for None.
_FIELD_VALUES: dict[EvidenceField | None, str | None] = {
    None: None,
    **{field: field.value for field in EvidenceField},
}


def _floats_or_none(values: np.ndarray) -> list[float | None]:
    return [None if value != value else value for value in values.tolist()]


def _dates_or_none(days: np.ndarray) -> list[date | None]:
    """Day numbers as dates, None for NO_DAY (numpy converts datetime64[D] to date in C)."""
    known = days != NO_DAY
    return np.where(
        known, np.where(known, days, 0).astype("datetime64[D]"), np.datetime64("NaT")
    ).tolist()


def _iso_or_none(days: np.ndarray) -> list[str | None]:
    """Day numbers as ISO dates, None for NO_DAY.

    A run writes two dates per decided claim (200k on a cold 100k run) from a
    few thousand distinct days: each day's text is made once per process
    (`_ISO_DAYS`) and the rest are dictionary look-ups in C, where
    `np.datetime_as_string` formatted every one of them.
    """
    listed = days.tolist()
    known = _ISO_DAYS
    new = set(listed).difference(known)
    if new:
        fresh = sorted(new)
        text = np.datetime_as_string(np.array(fresh, dtype="datetime64[D]")).tolist()
        known.update(zip(fresh, text, strict=True))
    return list(map(known.__getitem__, listed))


# Day number -> ISO text, filled as `_iso_or_none` meets days; NO_DAY is None.
# Bounded by the days a process writes (at most a few tens of thousands).
_ISO_DAYS: dict[int, str | None] = {int(NO_DAY): None}


def _note(stated_level: float | None, level_used: float | None, factor: float) -> str | None:
    """`_split_note` of a verdict with these levels and split factor."""
    if factor == 1.0 or stated_level is None or not factor:
        return None
    return (
        f"split-adjusted: level {stated_level:g} is {level_used:g} in today's "
        f"units (splits since made_on multiply to {factor:g})"
    )


def _union_range(
    first: tuple[date, date] | None, second: tuple[date, date] | None
) -> tuple[date, date] | None:
    if first is None or second is None:
        return first or second
    return (min(first[0], second[0]), max(first[1], second[1]))


def columns_range(columns: OpenColumns, as_of: date) -> tuple[date, date] | None:
    """`needed_range` of claims held as columns: from the earliest window start through as_of."""
    first = date.fromordinal(int(columns.claims.window_start.min()) + _EPOCH_ORDINAL)
    return (first, as_of) if first <= as_of else None


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _write_verdicts(
    session: Session,
    symbol: str,
    claims: list[OpenClaim],
    verdicts: list[Verdict],
    refused: list[tuple[OpenClaim, str]],
    error: SymbolError | None,
    no_bars: bool,
    summary: ResolveSummary,
    run_id: int | None,
    pending: dict[int, str] | None = None,
) -> None:
    """Record the decided verdicts and the open reasons of the rest.

    `pending` says why a claim's computed level is still pending (its open detail).
    """
    pending = pending or {}
    decisions: dict[str, list[Decision]] = {"open": [], "true": [], "false": []}
    reasons: dict[int, tuple[str, str | None]] = {}
    for item, why in refused:
        if item.status == "open":
            reasons[item.id] = (OpenReason.INVALID_CLAIM.value, why)
            summary.open_reasons[OpenReason.INVALID_CLAIM.value] += 1
            summary.still_open += 1
    rechecked = current_auto_resolutions(session, [c.id for c in claims if c.status != "open"])
    for item, verdict in zip(claims, verdicts, strict=True):
        if verdict.outcome is None:
            if item.status == "open":
                reason, detail = _open_reason(verdict, error, no_bars)
                if item.id in pending and error is None:
                    detail = f"level pending: {pending[item.id]}"
                reasons[item.id] = (reason, detail)
                summary.open_reasons[reason] += 1
                summary.still_open += 1
            continue
        decision = Decision(
            item.id, verdict.outcome.value, _evidence(verdict, summary.price_source)
        )
        if item.status != "open":
            current = rechecked.get(item.id)
            if current == (verdict.outcome.value, verdict.evidence_date, verdict.evidence_price):
                continue
            summary.changed_on_recheck += 1
        decisions[item.status].append(decision)

    for from_status, group in decisions.items():
        apply_decisions(session, group, run_id=run_id, from_status=from_status)
        for decision in group:
            if decision.outcome == "true":
                summary.resolved_true += 1
            else:
                summary.resolved_false += 1
            summary.decided_parts.append(
                {
                    "id": decision.claim_id,
                    "symbol": symbol,
                    "outcome": decision.outcome,
                    "evidence_date": _iso(decision.values.get("evidence_date")),
                    "evidence_price": decision.values.get("evidence_price"),
                    "evidence_field": decision.values.get("evidence_field"),
                    "bar_quality": decision.values.get("bar_quality"),
                }
            )
    set_open_reasons(session, reasons, utcnow())


def _open_reason(
    verdict: Verdict, error: SymbolError | None, no_bars: bool
) -> tuple[str, str | None]:
    """A fetch problem outranks the rules' reason: it is what the user must act on."""
    assert verdict.open_reason is not None
    if error is not None and (
        no_bars or verdict.open_reason is not OpenReason.WAITING_FOR_DEADLINE
    ):
        code = "unknown_symbol" if error.code == "unknown_symbol" else "source_error"
        return code, error.message
    return verdict.open_reason.value, verdict.open_detail


def _evidence(verdict: Verdict, data_source: str) -> dict:
    return {
        "evidence_date": verdict.evidence_date,
        "evidence_price": verdict.evidence_price,
        "evidence_field": verdict.evidence_field.value if verdict.evidence_field else None,
        "level_used": verdict.level_used,
        "split_factor": verdict.split_factor,
        "closest_date": verdict.closest_date,
        "closest_price": verdict.closest_price,
        "days_to_touch": verdict.days_to_touch,
        "data_source": data_source,
        "note": _split_note(verdict),
        "leg_evidence": (
            json.dumps([leg.to_json() for leg in verdict.legs]) if verdict.legs else None
        ),
        "bar_quality": verdict.bar_quality,
    }


def _split_note(verdict: Verdict) -> str | None:
    if verdict.split_factor == 1.0 or verdict.stated_level is None or not verdict.split_factor:
        return None
    return (
        f"split-adjusted: level {verdict.stated_level:g} is {verdict.level_used:g} in today's "
        f"units (splits since made_on multiply to {verdict.split_factor:g})"
    )


def _with_reference_prices(
    session: Session, claims: list[OpenClaim], bars: pd.DataFrame, splits: pd.Series | None
) -> tuple[list[OpenClaim], list[tuple[OpenClaim, str]]]:
    """Relative claims get their reference: the close on made_on, as quoted that day.

    Returns the claims to judge and those refused, with why: a reference close
    outside the bounds every price in the ledger meets (a quote of 1e-300
    rounds to nothing) would poison the claim for good, so it is not stored.
    """
    missing = [
        c for c in claims if c.claim.relative is not None and c.claim.reference_price is None
    ]
    if not missing or bars.empty:
        return claims, []
    dates = bars.index.to_numpy(dtype="datetime64[D]")
    closes = bars["close"].to_numpy()
    found: dict[int, float] = {}
    refused: dict[int, str] = {}
    for item in missing:
        made_on = np.datetime64(item.claim.made_on, "D")
        position = int(np.searchsorted(dates, made_on, side="right")) - 1
        if position < 0 or made_on - dates[position] > np.timedelta64(REFERENCE_LOOKBACK_DAYS, "D"):
            continue
        factor = 1.0
        if splits is not None and len(splits):
            later = splits[splits.index > pd.Timestamp(item.claim.made_on)]
            factor = float(np.prod(later.to_numpy())) if len(later) else 1.0
        # Twelve significant digits drop the float noise of the split factor.
        reference = float(f"{float(closes[position]) * factor:.12g}")
        try:
            check_price(reference, "reference close")
        except BoundsError as error:
            refused[item.id] = f"cannot be judged: {error} (the close on or before made_on)"
            continue
        found[item.id] = reference
    set_reference_prices(session, found)
    out = []
    refused_claims = []
    for item in claims:
        if item.id in refused:
            refused_claims.append((item, refused[item.id]))
            continue
        if item.id in found:
            claim: Claim = item.claim
            reference = found[item.id]
            assert claim.relative is not None
            claim = dataclasses.replace(
                claim, reference_price=reference, level=claim.relative.apply(reference)
            )
            item = OpenClaim(item.id, item.status, claim)
        out.append(item)
    return out, refused_claims


def _resolve_compound(
    session: Session,
    key: str,
    claims: list[OpenClaim],
    span: tuple[date, date] | None,
    fetched: FetchResult,
    summary: ResolveSummary,
    run_id: int | None,
    needing_baseline: list | None,
) -> None:
    """A ratio or a pair: both legs' cached bars, judged together, written under `key`."""
    first, second = (_load_leg(session, leg, span) for leg in legs_of(key))
    error = next((fetched.errors[leg] for leg in legs_of(key) if leg in fetched.errors), None)
    if ratio_legs(key) is not None:
        bars = ratio_bars(first.bars, second.bars)
        gaps = ratio_gaps(first.bars, first.gaps or (), second.bars, second.gaps or ())
        splits = ratio_splits(first.splits, second.splits)
        if claims:
            _resolve_symbol(
                session,
                key,
                claims,
                (bars, gaps),
                splits,
                error,
                summary,
                run_id,
                finish=lambda verdicts: with_ratio_legs(verdicts, first, second),
            )
        if needing_baseline:
            from ledger.baseline import pair_baselines_for

            store_baselines(session, pair_baselines_for(needing_baseline, first, second))
        return
    assert pair_legs(key) is not None
    if claims:
        summary.claims_checked += len(claims)
        if error is not None:
            summary.failed_symbols[key] = f"{error.code}: {error.message}"
        claims, refused = _with_pair_references(session, claims, first, second)
        verdicts = resolve_outperformance([c.claim for c in claims], first, second, summary.as_of)
        no_bars = first.bars.empty or second.bars.empty
        _write_verdicts(session, key, claims, verdicts, refused, error, no_bars, summary, run_id)
    if needing_baseline:
        from ledger.baseline import pair_baselines_for

        store_baselines(session, pair_baselines_for(needing_baseline, first, second))


def _load_leg(session: Session, symbol: str, span: tuple[date, date] | None) -> LegData:
    bars, gaps = _load_bars(session, symbol, span)
    return LegData(symbol, bars, load_splits(session, [symbol]).get(symbol), gaps)


def _with_pair_references(
    session: Session, claims: list[OpenClaim], first: LegData, second: LegData
) -> tuple[list[OpenClaim], list[tuple[OpenClaim, str]]]:
    """Outperformance claims get both reference closes, as quoted on their reference day.

    A reference is the last close on or before the reference day (within a
    week), and it is taken only once the leg's data runs past that day: until
    then a later close on or before it may still come (a call about 2026
    recorded in December 2025 waits for 2025's last close).
    """
    found: dict[int, float] = {}
    found_versus: dict[int, float] = {}
    refused: dict[int, str] = {}
    for leg, attribute, out in (
        (first, "reference_price", found),
        (second, "versus_reference_price", found_versus),
    ):
        missing = [c for c in claims if getattr(c.claim, attribute) is None]
        if not missing or leg.bars.empty:
            continue
        days = leg.bars.index.to_numpy(dtype="datetime64[D]")
        last_row = days[-1]
        if leg.gaps:
            last_row = max(last_row, np.datetime64(max(leg.gaps), "D"))
        closes = leg.bars["close"].to_numpy(dtype=np.float64)
        reference_day = day_numbers([c.claim.reference_day for c in missing]).astype(
            "datetime64[D]"
        )
        position = np.searchsorted(days, reference_day, side="right") - 1
        bar_day = days[np.maximum(position, 0)]
        lookback = np.timedelta64(REFERENCE_LOOKBACK_DAYS, "D")
        usable = (
            (last_row > reference_day) & (position >= 0) & (reference_day - bar_day <= lookback)
        )
        factor = np.ones(len(missing))
        if leg.splits is not None and len(leg.splits):
            split_days = leg.splits.index.to_numpy(dtype="datetime64[D]")
            ratios = leg.splits.to_numpy(dtype=np.float64)
            later = np.concatenate((np.cumprod(ratios[::-1])[::-1], [1.0]))
            factor = later[np.searchsorted(split_days, reference_day, side="right")]
        quoted = closes[np.maximum(position, 0)] * factor
        for item, ok, value in zip(missing, usable.tolist(), quoted.tolist(), strict=True):
            if not ok:
                continue
            # Twelve significant digits drop the float noise of the split factor.
            reference = float(f"{value:.12g}")
            try:
                check_price(reference, "reference close")
            except BoundsError as error:
                refused[item.id] = (
                    f"cannot be judged: {error} ({leg.symbol}'s close on or before"
                    f" {item.claim.reference_day})"
                )
                continue
            out[item.id] = reference
    set_reference_prices(session, {k: v for k, v in found.items() if k not in refused})
    set_versus_reference_prices(
        session, {k: v for k, v in found_versus.items() if k not in refused}
    )
    kept, refused_claims = [], []
    for item in claims:
        if item.id in refused:
            refused_claims.append((item, refused[item.id]))
            continue
        if item.id in found or item.id in found_versus:
            claim = dataclasses.replace(
                item.claim,
                reference_price=found.get(item.id, item.claim.reference_price),
                versus_reference_price=found_versus.get(item.id, item.claim.versus_reference_price),
            )
            item = OpenClaim(item.id, item.status, claim)
        kept.append(item)
    return kept, refused_claims


def _with_rule_levels(
    session: Session,
    claims: list[OpenClaim],
    bars_and_gaps: tuple[pd.DataFrame, list[date]],
    splits: pd.Series | None,
) -> tuple[list[OpenClaim], dict[int, str]]:
    """Computed levels still pending are fixed from the bars dated on or before made_on.

    Like a relative level's reference close, in the units quoted on made_on
    (the bars are in today's units: splits since made_on are multiplied
    back). Returns the claims to judge, with their levels where fixed, and
    why each claim still pending is pending (its open detail).
    """
    bars, gaps = bars_and_gaps
    missing = [c for c in claims if c.claim.level_pending]
    if not missing:
        return claims, {}
    wanted = []
    for item in missing:
        assert item.claim.level_rule is not None
        factor = 1.0
        if splits is not None and len(splits):
            later = splits[splits.index > pd.Timestamp(item.claim.made_on)]
            factor = float(np.prod(later.to_numpy())) if len(later) else 1.0
        wanted.append((item.claim.level_rule, item.claim.made_on, factor))
    readings = compute_levels(wanted, BarArrays.from_frame(bars), gaps=gaps)
    fixed: dict[int, FixedLevel] = {}
    pending: dict[int, str] = {}
    for item, reading in zip(missing, readings, strict=True):
        if reading.level is None:
            pending[item.id] = reading.explanation
            continue
        try:
            check_price(reading.level, "computed level")
        except BoundsError as error:
            pending[item.id] = f"{error} ({reading.explanation})"
            continue
        fixed[item.id] = FixedLevel(reading.level, reading.basis, reading.explanation)
    set_rule_levels(session, fixed)
    out = []
    for item in claims:
        if item.id in fixed:
            level = fixed[item.id]
            claim = dataclasses.replace(
                item.claim, level=level.level, level_basis=level.basis, level_note=level.note
            )
            item = OpenClaim(item.id, item.status, claim)
        out.append(item)
    return out, pending


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
