"""Recording, listing, showing and voiding claims.

Recording is a bulk path (imports reach 100k claims): sources are resolved in
one pass, duplicates are found with IN-list queries on the fingerprint, rows go
in with executemany, and nothing here loops one query per claim. The caller
owns the transaction, so an import either commits whole or not at all.
"""

from __future__ import annotations

import dataclasses
import json
from bisect import bisect_right
from collections import defaultdict, namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Row, Select, and_, bindparam, insert, select, update
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.claims.model import Claim, ClaimKind, RelativeKind, RelativeLevel
from ledger.claims.pairs import pair_legs
from ledger.errors import NotFoundError, UsageError
from ledger.records import (
    ClaimDetail,
    ClaimRecord,
    NewClaim,
    RecordResult,
    ResolutionRecord,
    vague_statement,
)
from ledger.rules.overrides import needs_force
from ledger.store import core_tables, prooflog
from ledger.store.bar_blocks import EPOCH_ORDINAL, closes_between
from ledger.store.batching import chunks
from ledger.store.bulk_values import insert_values
from ledger.store.core_tables import as_utc, utcnow
from ledger.store.deferred_indexes import indexes_made_after
from ledger.store.level_columns import level_rule_from_columns, level_rule_values
from ledger.store.raw import adapt, fetchall, filled_columns, insert_rows
from ledger.store.revisions import revision_reasons
from ledger.store.sources import ensure_sources

if TYPE_CHECKING:
    from ledger.store.tables import PredictionRow, ResolutionRow

REFERENCE_LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class ClaimFilter:
    """What `forecast list` and the TUI can narrow a listing to."""

    status: str | None = None
    source: str | None = None
    symbol: str | None = None
    tag: str | None = None
    due_before: date | None = None
    ids: Sequence[int] | None = None
    limit: int | None = None
    offset: int = 0


def recorded_ids(session: Session, entries: Sequence[NewClaim]) -> dict[str, int]:
    """The ids of the claims already recorded under these entries' fingerprints.

    Taken under the proof log's lock, which every path that records a claim
    takes first, so the answer holds until the transaction ends: an import
    asks once for its duplicate check and its recording (100k fingerprints).
    """
    if not entries:
        return {}
    prooflog.lock_head(session)
    return _ids_by_fingerprint(session, [e.fingerprint() for e in entries])


def record_claims(
    session: Session, entries: Sequence[NewClaim], recorded: Mapping[str, int] | None = None
) -> RecordResult:
    """Record new claims; a claim whose fingerprint is already known is skipped.

    Duplicates within `entries` count once. Revisions name the claim they
    replace by id or by fingerprint (import files use fingerprints, since ids
    differ between ledgers); the replaced claim must exist. `recorded` is
    `recorded_ids(session, entries)` when the caller has asked already, in
    this transaction.
    """
    if not entries:
        return RecordResult((), (), ())
    prooflog.lock_head(session)
    source_ids = ensure_sources(session, [(e.source, e.source_kind) for e in entries])
    fingerprints = [e.fingerprint() for e in entries]
    existing = dict(recorded) if recorded is not None else recorded_ids(session, entries)

    now = utcnow()
    fresh: list[tuple[NewClaim, str]] = []
    duplicates: list[NewClaim] = []
    duplicate_ids: list[int] = []
    seen: dict[str, int] = {}
    for entry, fingerprint in zip(entries, fingerprints, strict=True):
        if fingerprint in existing or fingerprint in seen:
            duplicates.append(entry)
            duplicate_ids.append(existing.get(fingerprint, -1))
            continue
        seen[fingerprint] = len(fresh)
        fresh.append((entry, fingerprint))

    # Plain tuples on the driver's executemany (COPY on PostgreSQL), values
    # already in the form the driver stores, then the new ids by fingerprint: SQLAlchemy's per-row
    # parameter processing (and INSERT ... RETURNING's "insertmanyvalues") cost
    # more than the database's own work on a 100k-row import. The claims go in
    # parts (`RECORD_PART`), each inserted and logged before the next is built,
    # so a million-entry import holds one part's rows and entry texts at a time.
    # A revision is linked once every new claim has its id (it may revise one
    # later in the batch), and its entry names the link: a batch with one is
    # recorded as a single part.
    new_ids: dict[str, int] = {}
    revising = _any_revision([entry for entry, _ in fresh])
    context = _RecordContext(session, source_ids, now, revising)
    with indexes_made_after(session, "prediction", len(fresh)):
        for part in [fresh] if revising else chunks(fresh, RECORD_PART):
            new_ids.update(_record_part(context, part, new_ids, existing))
    duplicate_ids = [
        i if i != -1 else new_ids.get(d.fingerprint(), -1)
        for i, d in zip(duplicate_ids, duplicates, strict=True)
    ]
    return RecordResult(
        added=tuple(new_ids[f] for _, f in fresh),
        duplicates=tuple(duplicates),
        duplicate_ids=tuple(duplicate_ids),
        added_fingerprints=tuple(f for _, f in fresh),
    )


def _any_revision(entries: Sequence[NewClaim]) -> bool:
    """Whether any entry revises a claim, asked a C call at a time (an import asks
    of 100k entries, nearly always of none)."""
    return any(map(_REVISES_FINGERPRINT, entries)) or any(
        revised is not None for revised in set(map(_REVISES_ID, entries))
    )


_REVISES_FINGERPRINT = attrgetter("revises_fingerprint")
_REVISES_ID = attrgetter("revises_id")


# Claims inserted and logged at a time by `record_claims`: big enough that each
# part's statements cost nothing beside its rows, small enough that a part's
# rows and entry texts are a few megabytes.
RECORD_PART = 20_000


@dataclass(frozen=True)
class _RecordContext:
    """What every part of one `record_claims` call shares: one clock reading, so
    every claim of a batch has the same `created_at`."""

    session: Session
    source_ids: Mapping[str, int]
    now: datetime
    # Some claim of the batch revises another: the batch is then one part.
    revising: bool = False

    @property
    def sqlite(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"


def _record_part(
    context: _RecordContext,
    part: Sequence[tuple[NewClaim, str]],
    new_ids: Mapping[str, int],
    existing: Mapping[str, int],
) -> dict[str, int]:
    """Insert one part of a batch's new claims with their tags, link its
    revisions and log it; returns the part's ids by fingerprint. `new_ids`
    holds the ids of the parts before it."""
    session, source_ids, now = context.session, context.source_ids, context.now
    last_id = _last_claim_id(session)
    day = _day_value(session)
    today = (now + timedelta(hours=14)).date()
    stamp = adapt(session, now)
    # By the name as written: a few hundred names, each made a key once.
    source_id_by_name = {
        name: source_ids[source_key(name)] for name in {entry.source for entry, _ in part}
    }
    columns = _prediction_columns(
        session, part, [source_id_by_name[entry.source] for entry, _ in part], today, day, stamp
    )
    # The log below reads every column; the INSERT binds only the columns some
    # row fills (none of prediction's columns has a server default), many rows
    # a statement (`insert_values`: prediction's IN checks are built once each).
    insert_values(
        session,
        "prediction",
        *filled_columns(_PREDICTION_COLUMNS, [columns[name] for name in _PREDICTION_COLUMNS]),
    )
    part_ids = _ids_after(session, last_id, columns["fingerprint"])
    # Each distinct tag list sorted once: an import's claims share a few.
    sorted_tags: dict[tuple[str, ...], list[str]] = {}
    tags = []
    for entry, _ in part:
        claim_tags = sorted_tags.get(entry.tags)
        if claim_tags is None:
            claim_tags = sorted_tags[entry.tags] = sorted(set(entry.tags))
        tags.append(claim_tags)
    tag_rows = [
        (part_ids[fingerprint], tag)
        for (_, fingerprint), claim_tags in zip(part, tags, strict=True)
        if claim_tags
        for tag in claim_tags
    ]
    insert_rows(  # ids and text: nothing to convert
        session, "prediction_tag", ("prediction_id", "tag"), tag_rows, ready=True
    )
    revises = (
        _link_revisions(session, part, {**new_ids, **part_ids}, existing, source_ids)
        if context.revising
        else {}  # nothing to link: not worth copying the batch's ids for each part
    )
    if context.sqlite:
        # The log's entries from the values just inserted: only the source names are read.
        prooflog.append_inserted_claims(
            session,
            list(map(part_ids.__getitem__, columns["fingerprint"])),
            columns,
            tags,
            revises,
        )
    else:
        prooflog.append_claims(session, list(part_ids.values()))
    return part_ids


_PREDICTION_COLUMNS = (
    "source_id",
    "symbol",
    "asset",
    "kind",
    "level",
    "upper_level",
    "relative_kind",
    "relative_value",
    "reference_price",
    "made_on",
    "window_start",
    "deadline",
    "probability",
    "status",
    "text",
    "normalized",
    "assumptions",
    "url",
    "quote",
    "fingerprint",
    "revises_id",
    "void_reason",
    "created_at",
    "claimed_created_at",
    "versus_symbol",
    "versus_asset",
    "versus_reference_price",
    "margin",
    "level_rule",
    "level_params",
    "level_basis",
    "level_note",
)


def _prediction_columns(
    session: Session,
    part: Sequence[tuple[NewClaim, str]],
    source_ids: Sequence[int],
    today: date,
    day: Callable[[date], date | str],
    created_at: Any,
) -> dict[str, list[Any]]:
    """The prediction rows of `part` as columns (by `_PREDICTION_COLUMNS` name),
    each value as the driver stores it (`day` puts a date in that form,
    `created_at` is already in it): the proof log reads columns. Per entry only
    what varies is read (one tuple, one `zip`); a value the part's claims share
    is made once (kinds, statuses, a few hundred days), the empty columns whole,
    and the columns most claims leave empty (relative, assumptions, level rule,
    claimed time) per entry only when some claim of the part has them.
    tests/store/test_prediction_columns.py holds this equal to a plain reading
    of one row at a time."""
    entries = [entry for entry, _ in part]
    count = len(entries)
    # The last line of defence: every path in (CLI, import, extract, TUI) checks
    # first, with a message that says where; this makes sure none can skip it.
    # "Today" is the date in the furthest-ahead time zone, so a call made today
    # anywhere on Earth is not "in the future" for a ledger on UTC. An entry an
    # import has already checked for `today` (marked, as `NewClaim.check` marks
    # it) is not asked again.
    for entry in entries:
        if entry.__dict__.get("_checked_on") != today:
            entry.check(today)
    # One pass over the entries for the fields that vary (each entry's objects
    # are read while in cache: 20 passes of an attribute each cost twice this),
    # turned into columns by one `zip`; every other column is made whole.
    fields = [
        (
            claim.symbol,
            claim.asset,
            claim.kind,
            claim.level,
            claim.upper,
            claim.reference_price,
            claim.made_on,
            claim.window_start,
            claim.deadline,
            claim.canonical_text(),
            claim.assumptions,
            claim.relative,
            claim.level_rule,
            claim.versus_symbol,
            claim.versus_asset,
            claim.versus_reference_price,
            claim.margin,
            entry.probability,
            entry.text,
            entry.url,
            entry.quote,
            entry.claimed_created_at,
        )
        for entry in entries
        for claim in (entry.claim,)
    ]
    (
        symbols,
        assets,
        kinds,
        levels,
        uppers,
        reference_prices,
        made_on,
        window_start,
        deadline,
        normalized,
        assumptions,
        relatives,
        rules,
        versus_symbols,
        versus_assets,
        versus_reference_prices,
        margins,
        probabilities,
        texts,
        urls,
        quotes,
        claimed,
    ) = map(list, zip(*fields, strict=True))
    del fields
    kind_values = {kind: kind._value_ for kind in set(kinds)}
    # A vague call is never open: no run, due list or score takes it up.
    statuses = {kind: "vague" if kind.is_vague else "open" for kind in kind_values}
    columns: dict[str, list[Any]] = {
        "source_id": list(source_ids),
        "symbol": symbols,
        "asset": assets,
        "kind": list(map(kind_values.__getitem__, kinds)),
        "level": levels,
        "upper_level": uppers,
        "reference_price": reference_prices,
        "probability": probabilities,
        "status": list(map(statuses.__getitem__, kinds)),
        "text": texts,
        "normalized": normalized,
        "url": urls,
        "quote": quotes,
        "fingerprint": [fingerprint for _, fingerprint in part],
        "revises_id": [None] * count,  # set by `_link_revisions`
        "void_reason": [None] * count,
        "created_at": [created_at] * count,  # the ledger's clock: "late" is not forgeable
        "versus_symbol": versus_symbols,
        "versus_asset": versus_assets,
        "versus_reference_price": versus_reference_prices,
        "margin": margins,
    }
    for name, days in (
        ("made_on", made_on),
        ("window_start", window_start),
        ("deadline", deadline),
    ):
        stored = {value: day(value) for value in set(days)}  # a few hundred days
        columns[name] = list(map(stored.__getitem__, days))
    if relatives.count(None) == count:
        columns["relative_kind"] = columns["relative_value"] = [None] * count
    else:
        columns["relative_kind"] = [r.kind.value if r else None for r in relatives]
        columns["relative_value"] = [r.value if r else None for r in relatives]
    columns["assumptions"] = (
        [json.dumps(list(a)) if a else None for a in assumptions]
        if any(assumptions)
        else [None] * count
    )
    columns["claimed_created_at"] = (
        claimed
        if claimed.count(None) == count
        else [None if moment is None else adapt(session, moment) for moment in claimed]
    )
    if rules.count(None) == count:
        rule_columns: list[tuple[Any, ...]] = [(None,) * count] * 4
    else:
        rule_columns = list(
            zip(
                *(
                    (None, None, None, None)
                    if rule is None
                    else tuple(level_rule_values(claim).values())
                    for claim, rule in zip(map(_CLAIM, entries), rules, strict=True)
                ),
                strict=True,
            )
        )
    for name, values in zip(_LEVEL_RULE_COLUMNS, rule_columns, strict=True):
        columns[name] = list(values)
    return columns


_LEVEL_RULE_COLUMNS = ("level_rule", "level_params", "level_basis", "level_note")
_CLAIM = attrgetter("claim")


def _day_value(session: Session) -> Callable[[date], date | str]:
    """How the driver stores a DATE: SQLite as ISO text (as SQLAlchemy writes it),
    psycopg as the date itself."""
    if session.get_bind().dialect.name == "sqlite":
        return date.isoformat
    return _same_day


def _same_day(day: date) -> date:
    return day


def _last_claim_id(session: Session) -> int:
    return fetchall(session, "SELECT MAX(id) FROM prediction", [])[0][0] or 0


def _ids_after(session: Session, last_id: int, fingerprints: Sequence[str]) -> dict[str, int]:
    """The ids of claims just inserted, by fingerprint: read as the rows above the
    largest id before the insert (ids only grow, on SQLite and with PostgreSQL's
    sequence), kept only for these fingerprints; any not found there (a
    concurrent writer cannot make this happen under the proof-log lock, but the
    answer must not depend on it) are looked up by fingerprint."""
    wanted = set(fingerprints)
    found = {
        fingerprint: claim_id
        for fingerprint, claim_id in fetchall(
            session, "SELECT fingerprint, id FROM prediction WHERE id > ?", [last_id]
        )
        if fingerprint in wanted
    }
    if len(found) < len(wanted):
        found.update(_ids_by_fingerprint(session, [f for f in wanted if f not in found]))
    return found


def _link_revisions(
    session: Session,
    fresh: list[tuple[NewClaim, str]],
    new_ids: dict[str, int],
    existing: dict[str, int],
    source_ids: dict[str, int],
) -> dict[int, int]:
    """Point each new revision at the claim it revises, after `check_revision`;
    returns the links made (new claim id -> revised claim id)."""
    wanted_fps = [e.revises_fingerprint for e, _ in fresh if e.revises_fingerprint]
    known = dict(existing)
    known.update(new_ids)
    missing_fps = [f for f in wanted_fps if f not in known]
    if missing_fps:
        known.update(_ids_by_fingerprint(session, missing_fps))
    wanted_ids = {e.revises_id for e, _ in fresh if e.revises_id is not None}
    wanted_ids.update(known[f] for f in wanted_fps if f in known)
    targets = _revision_targets(session, sorted(wanted_ids))
    updates = []
    for entry, fingerprint in fresh:
        target: int | None = None
        if entry.revises_fingerprint:
            target = known.get(entry.revises_fingerprint)
            if target is None:
                raise NotFoundError(
                    f"a claim revises {entry.revises_fingerprint!r}, which is not in the "
                    "ledger: import the revised claim first"
                )
        elif entry.revises_id is not None:
            if entry.revises_id not in targets:
                raise NotFoundError(
                    f"--revises {entry.revises_id}: no claim with that id (see 'forecast list')"
                )
            target = entry.revises_id
        if target is not None:
            if target == new_ids[fingerprint]:
                raise UsageError("a claim cannot revise itself")
            check_revision(entry, source_ids[source_key(entry.source)], target, targets[target])
            updates.append({"pid": new_ids[fingerprint], "rid": target})
    if updates:
        table = core_tables.prediction
        session.execute(
            update(table).where(table.c.id == bindparam("pid")).values(revises_id=bindparam("rid")),
            updates,
        )
    return {link["pid"]: link["rid"] for link in updates}


@dataclass(frozen=True)
class RevisionTarget:
    """What a revision is checked against: who made the revised claim, and when."""

    source_id: int
    source: str
    made_on: date


def check_revision(entry: NewClaim, source_id: int, target_id: int, target: RevisionTarget) -> None:
    """Refuse a revision by another source, or one made before the claim it revises.

    A revision is the same source changing its own call later; a link from
    another source's claim, or from an earlier day, would let a ledger swap
    a miss for a better call. Every way in (add, import, the TUI) records
    through `record_claims`, so each gets this check.
    """
    made_on = entry.claim.made_on
    if source_id != target.source_id:
        raise UsageError(
            f"claim #{target_id} is by {target.source}, not {entry.source}: "
            "a source can only revise its own claims"
        )
    if made_on < target.made_on:
        raise UsageError(
            f"claim #{target_id} was made on {target.made_on}, after this call ({made_on}): "
            "a revision is made on or after the claim it revises"
        )


@dataclass(frozen=True)
class DuplicateDifference:
    """What an entry says that the claim already recorded under its fingerprint does not.

    `changes_scores` marks a probability or a revision, which the scores and the
    revision chain rest on: the caller refuses those. A link, quote or tag is
    context: the caller says it was not added.
    """

    position: int
    claim_id: int
    said: str
    changes_scores: bool


def duplicate_differences(
    session: Session, entries: Sequence[NewClaim], recorded: Mapping[str, int] | None = None
) -> list[DuplicateDifference]:
    """The entries that are claims already recorded but say something the record does not.

    A duplicate is skipped on recording, so a probability, tag, link, quote or
    revision given with it would otherwise be dropped without a word. A field
    the entry leaves out contradicts nothing. One difference per entry, the one
    that changes scores first. `recorded` is `recorded_ids(session, entries)`
    when the caller has it.
    """
    existing = (
        recorded
        if recorded is not None
        else _ids_by_fingerprint(session, [e.fingerprint() for e in entries])
    )
    if not existing:
        return []
    ids = sorted(set(existing.values()))
    recorded: dict[int, _Recorded] = {}
    for chunk in chunks(ids):  # through the driver: a re-import asks for 100k rows
        marks = ", ".join("?" * len(chunk))
        for row in fetchall(
            session,
            f"SELECT id, probability, url, quote, revises_id FROM prediction WHERE id IN ({marks})",
            list(chunk),
        ):
            recorded[row[0]] = _Recorded._make(row)
    tagged = _tags_for(session, ids, all_rows=False)
    found = []
    for position, entry in enumerate(entries):
        claim_id = existing.get(entry.fingerprint())
        if claim_id is None:
            continue
        differences = _said_otherwise(entry, recorded[claim_id], set(tagged.get(claim_id, ())))
        if differences:
            said, changes_scores = max(differences, key=lambda d: d[1])
            found.append(DuplicateDifference(position, claim_id, said, changes_scores))
    return found


class _Recorded(NamedTuple):
    """What `duplicate_differences` compares an entry with."""

    id: int
    probability: float | None
    url: str | None
    quote: str | None
    revises_id: int | None


def _said_otherwise(entry: NewClaim, row: _Recorded, tags: set[str]) -> list[tuple[str, bool]]:
    """What `entry` gives that differs from the recorded row, in words, and whether
    it changes scores."""
    found: list[tuple[str, bool]] = []
    if entry.probability is not None and (
        row.probability is None or abs(entry.probability - row.probability) > 1e-9
    ):
        was = "no probability" if row.probability is None else f"probability {row.probability:g}"
        found.append((f"with {was} (this says {entry.probability:g})", True))
    if entry.revises_id is not None and entry.revises_id != row.revises_id:
        was = "revising nothing" if row.revises_id is None else f"revising #{row.revises_id}"
        found.append((f"{was} (this says it revises #{entry.revises_id})", True))
    if entry.url and entry.url != row.url:
        found.append(("with another url" if row.url else "with no url", False))
    if entry.quote and entry.quote != row.quote:
        found.append(("with another quote" if row.quote else "with no quote", False))
    missing = sorted(set(entry.tags) - tags)
    if missing:
        found.append(
            (f"without the tag{'s' if len(missing) > 1 else ''} {', '.join(missing)}", False)
        )
    return found


def _ids_by_fingerprint(session: Session, fingerprints: Sequence[str]) -> dict[str, int]:
    """Ids of the recorded claims with these fingerprints (through the driver: an
    import asks for 100k, and SQLAlchemy's expanding IN costs more than the lookups)."""
    found: dict[str, int] = {}
    unique = sorted(set(fingerprints))
    if not unique:
        return found
    # The largest id bounds the claims recorded (ids only grow) and is one
    # index probe, where counting would read a large ledger for every `add`.
    [(last_id,)] = fetchall(session, "SELECT MAX(id) FROM prediction", [])
    if (last_id or 0) <= len(unique):
        # A ledger no larger than the question (a new one, or an import read
        # again) is read whole: its rows cost less than the lookups.
        wanted = set(unique)
        return {
            fingerprint: claim_id
            for fingerprint, claim_id in fetchall(
                session, "SELECT fingerprint, id FROM prediction", []
            )
            if fingerprint in wanted
        }
    for chunk in chunks(unique):
        marks = ", ".join("?" * len(chunk))
        found.update(
            fetchall(
                session,
                f"SELECT fingerprint, id FROM prediction WHERE fingerprint IN ({marks})",
                list(chunk),
            )
        )
    return found


def _revision_targets(session: Session, ids: Sequence[int]) -> dict[int, RevisionTarget]:
    found: dict[int, RevisionTarget] = {}
    for chunk in chunks(ids):
        query = (
            select(_prediction.id, _prediction.source_id, _source.name, _prediction.made_on)
            .join_from(
                core_tables.prediction, core_tables.source, _source.id == _prediction.source_id
            )
            .where(_prediction.id.in_(chunk))
        )
        for claim_id, source_id, name, made_on in session.execute(query):
            found[claim_id] = RevisionTarget(source_id, name, made_on)
    return found


def reference_close(session: Session, symbol: str, made_on: date) -> float | None:
    """The close on made_on from the bar cache (or the last one within a week before).

    A compound ratio symbol ("GC=F/SI=F") is never cached: its reference is
    left to the resolver, which builds the ratio from both legs.

    Relative levels ("+20%") are measured from it; when the cache does not
    have it yet the resolver fills it in from the bars it fetches.
    """
    first = made_on - timedelta(days=REFERENCE_LOOKBACK_DAYS)
    block = core_tables.price_bar_block.c
    rows = session.execute(
        select(block.days, block.close)
        .where(
            block.symbol == symbol,
            block.year >= first.year,
            block.year <= made_on.year,
            block.first <= made_on,
            block.last >= first,
        )
        .order_by(block.year)
    ).all()
    days, closes = closes_between(rows)
    # the last bar on or before made_on, if it lies within the lookback
    index = bisect_right(days, made_on.toordinal() - EPOCH_ORDINAL) - 1
    if index < 0 or days[index] < first.toordinal() - EPOCH_ORDINAL:
        return None
    return float(closes[index])


# --- reading ---------------------------------------------------------------

# The listing is built on the tables themselves, not the ORM classes: an ORM
# alias (or any ORM query) configures all seventeen mappers first, a cost every
# `list` and `show` would pay for plain columns.
_prediction = core_tables.prediction.c
_source = core_tables.source.c
_current = core_tables.resolution.alias("current_resolution")
_tag = core_tables.prediction_tag.c


def _claim_query() -> Select:
    """Plain columns, not ORM entities: listings reach 100k rows, and building an
    ORM object per row would cost more than the query."""
    return (
        select(
            *core_tables.prediction.columns,
            _source.name.label("source_name"),
            _source.kind.label("source_kind"),
            _current.c.evidence_date.label("evidence_date"),
            _current.c.evidence_price.label("evidence_price"),
            _current.c.evidence_field.label("evidence_field"),
            _current.c.leg_evidence.label("leg_evidence"),
        )
        .select_from(core_tables.prediction)
        .join(core_tables.source, _source.id == _prediction.source_id)
        .join(
            _current,
            and_(_current.c.prediction_id == _prediction.id, _current.c.is_current),
            isouter=True,
        )
    )


def list_claims(session: Session, where: ClaimFilter | None = None) -> list[ClaimRecord]:
    """Claims matching `where`, ordered by id, with source and current resolution."""
    rows, tags = listing_rows(session, where)
    return [record_from_row(row, tags.get(row.id, ())) for row in rows]


def listing_rows(
    session: Session, where: ClaimFilter | None = None
) -> tuple[list[Any], dict[int, tuple[str, ...]]]:
    """The stored columns of the claims matching `where`, ordered by id, as named
    tuples (the prediction's columns, `source_name`, `source_kind` and the current
    resolution's evidence), and each listed claim's tags, sorted.

    `list_claims` makes records of them; `list --json` turns them into JSON
    objects directly (`ledger.store.claim_json`)."""
    where = where or ClaimFilter()
    query = _claim_query()
    if where.status:
        query = query.where(_prediction.status == where.status)
    if where.source:
        query = query.where(_source.name_key == source_key(where.source))
    if where.symbol:
        legs = pair_legs(where.symbol)
        if legs is None:
            query = query.where(_prediction.symbol == where.symbol)
        else:  # "GC=F vs BTC-USD", as `score --by asset` names a pair: its outperformances
            query = query.where(_prediction.symbol == legs[0], _prediction.versus_symbol == legs[1])
    if where.tag:
        tagged = select(_tag.prediction_id).where(_tag.tag == where.tag)
        query = query.where(_prediction.id.in_(tagged))
    if where.due_before:
        # A vague call's stored deadline is only its made_on: it is never due.
        query = query.where(
            _prediction.deadline < where.due_before, _prediction.kind != ClaimKind.VAGUE.value
        )
    if where.ids is not None:
        query = query.where(_prediction.id.in_(list(where.ids)))
    query = query.order_by(_prediction.id).offset(where.offset)
    if where.limit is not None:
        query = query.limit(where.limit)
    rows = _plain_rows(session, query)
    return rows, _tags_for(session, [row.id for row in rows], all_rows=where == ClaimFilter())


def _plain_rows(session: Session, query: Select) -> list[Any]:
    """The rows of a column query as named tuples.

    Through the Core connection (the ORM's result loading adds nothing to plain
    columns), and named tuples rather than SQLAlchemy rows: a record reads some
    fifty fields of each row, and a named tuple's field costs a tenth of a
    `Row` attribute, which on a 100k-claim listing was seconds.
    """
    result = session.connection().execute(query)
    plain = namedtuple("ClaimRow", list(result.keys()))  # type: ignore[misc]
    return list(map(plain._make, result.all()))


def _tags_for(session: Session, ids: list[int], all_rows: bool) -> dict[int, tuple[str, ...]]:
    """Each claim's tags, sorted; through the driver (SQLAlchemy's expanding IN
    compiles each 5,000-id chunk anew, which a 100k-claim import felt)."""
    found: dict[int, list[str]] = defaultdict(list)
    select_tags = "SELECT prediction_id, tag FROM prediction_tag"
    order = " ORDER BY prediction_id, tag"
    if all_rows:
        batches = [fetchall(session, select_tags + order, [])]
    else:
        batches = [
            fetchall(
                session,
                f"{select_tags} WHERE prediction_id IN ({', '.join('?' * len(c))}){order}",
                list(c),
            )
            for c in chunks(ids)
        ]
    for batch in batches:
        for pid, tag in batch:
            found[pid].append(tag)
    return {pid: tuple(t) for pid, t in found.items()}


def get_claim(session: Session, claim_id: int) -> ClaimDetail:
    """One claim with its whole resolution history and its revision chain."""
    records = list_claims(session, ClaimFilter(ids=[claim_id]))
    if not records:
        raise NotFoundError(f"no claim with id {claim_id}: see 'forecast list'")
    resolution = core_tables.resolution.c
    history = session.execute(
        select(core_tables.resolution)
        .where(resolution.prediction_id == claim_id)
        .order_by(resolution.created_at, resolution.id)
    )
    resolutions = [_to_resolution(r) for r in history]
    revised = revision_reasons(session, [r.id for r in resolutions])
    resolutions = [
        dataclasses.replace(r, revisions=tuple(revised[r.id])) if r.id in revised else r
        for r in resolutions
    ]
    run_ids = {r.run_id for r in resolutions if r.run_id is not None}
    run = core_tables.resolve_run.c
    as_of = dict(
        session.execute(select(run.id, run.as_of).where(run.id.in_(run_ids))).all()
        if run_ids
        else ()
    )
    claimed_created_at = session.execute(
        select(_prediction.claimed_created_at).where(_prediction.id == claim_id)
    ).scalar_one()
    return ClaimDetail(
        claim=records[0],
        resolutions=tuple(
            dataclasses.replace(r, run_as_of=as_of.get(r.run_id)) if r.run_id in as_of else r
            for r in resolutions
        ),
        revision_chain=tuple(revision_chain(session, claim_id)),
        claimed_created_at=as_utc(claimed_created_at) if claimed_created_at else None,
    )


def resolution_histories(session: Session) -> dict[int, list[ResolutionRecord]]:
    """Every claim's resolutions, oldest first (for export), in one query."""
    from ledger.store.tables import ResolutionRow

    histories: dict[int, list[ResolutionRecord]] = defaultdict(list)
    query = select(ResolutionRow).order_by(
        ResolutionRow.prediction_id, ResolutionRow.created_at, ResolutionRow.id
    )
    for row in session.execute(query).scalars():
        histories[row.prediction_id].append(_to_resolution(row))
    return histories


def revision_chain(session: Session, claim_id: int) -> list[ClaimRecord]:
    """Every claim linked to `claim_id` by revisions, oldest first (itself included)."""
    links = dict(
        session.execute(
            select(_prediction.id, _prediction.revises_id).where(
                _prediction.revises_id.is_not(None)
            )
        ).all()
    )
    if not links:
        return []
    revised_by: dict[int, list[int]] = defaultdict(list)
    for newer, older in links.items():
        revised_by[older].append(newer)
    root = claim_id
    while root in links:
        root = links[root]
    chain: list[int] = []
    frontier = [root]
    while frontier:
        current = frontier.pop(0)
        chain.append(current)
        frontier.extend(sorted(revised_by.get(current, [])))
    if len(chain) == 1:
        return []
    by_id = {r.id: r for r in list_claims(session, ClaimFilter(ids=chain))}
    return [by_id[i] for i in chain]


def void_claim(session: Session, claim_id: int, why: str) -> ClaimRecord:
    """Void a claim with a reason: it stays in the ledger, out of every score."""
    why = why.strip()
    if not why:
        raise UsageError(
            "voiding needs a reason: forecast void ID --why 'recorded the wrong level'"
        )
    from ledger.store.tables import PredictionRow

    prooflog.lock_head(session)
    row = session.get(PredictionRow, claim_id)
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}: see 'forecast list'")
    if row.status == "void":
        raise UsageError(f"claim {claim_id} is already void ({row.void_reason})")
    append_resolution(
        session,
        claim_id,
        {"outcome": "void", "method": "manual", "note": why, "data_source": None},
    )
    row.status = "void"
    row.void_reason = why
    session.add(row)
    session.flush()
    _log_current_resolution(session, claim_id, "void", why)
    return list_claims(session, ClaimFilter(ids=[claim_id]))[0]


def resolve_manually(
    session: Session,
    claim_id: int,
    outcome: str,
    note: str,
    *,
    today: date,
    force: bool = False,
) -> None:
    """Settle a claim no price can settle; earlier resolutions stay in its history.

    A true/false verdict that would count as a manual override (it flips
    the prices' verdict, or settles the claim on or before its deadline:
    see ledger.rules.overrides) is refused with UsageError unless `force`.
    """
    from ledger.store.tables import PredictionRow

    prooflog.lock_head(session)
    row = session.get(PredictionRow, claim_id)
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}: see 'forecast list'")
    if row.kind == ClaimKind.VAGUE and outcome != "void":
        raise UsageError(
            f"claim {claim_id} is a vague call, which no verdict settles: it is counted, never"
            " scored (void it with --why if it was recorded wrongly)"
        )
    if not force:
        # The resolver's store brings pandas: only a manual verdict needs it.
        from ledger.store.rulings import rulings

        _, history = rulings(session, [claim_id]).get(claim_id, (row.deadline, []))
        reason = needs_force(history, outcome, row.deadline, today)
        if reason is not None:
            raise UsageError(
                f"claim {claim_id}: {reason}, so a manual {outcome} is an override (counted on "
                f"its source's scoreboard row): add --force, with --note WHY"
            )
    append_resolution(
        session,
        claim_id,
        {"outcome": outcome, "method": "manual", "note": note, "data_source": None},
    )
    row.status = outcome
    row.open_reason = None
    row.open_detail = None
    if outcome == "void":
        row.void_reason = note
    session.add(row)
    session.flush()
    _log_current_resolution(session, claim_id, outcome, note)


def _log_current_resolution(session: Session, claim_id: int, outcome: str, note: str) -> None:
    """Log the resolution a hand just made current, and the status it set."""
    prooflog.append(
        session,
        prooflog.resolution_entries(
            session,
            [claim_id],
            current_only=True,
            claim_status={claim_id: outcome},
            void_reasons={claim_id: note},
        ),
    )


def append_resolution(session: Session, claim_id: int, values: dict) -> None:
    """Add a resolution and make it the current one; earlier ones stay as history."""
    # Called after a hand loaded the claim through the ORM: the ORM's statements.
    from ledger.store.tables import ResolutionRow

    session.execute(
        update(ResolutionRow)
        .where(ResolutionRow.prediction_id == claim_id, ResolutionRow.is_current)
        .values(is_current=False)
    )
    session.execute(
        insert(ResolutionRow),
        [{"prediction_id": claim_id, "is_current": True, "created_at": utcnow(), **values}],
    )


# --- row -> record ---------------------------------------------------------


def claim_from_row(row: PredictionRow | Row) -> Claim:
    relative = (
        RelativeLevel(RelativeKind(row.relative_kind), row.relative_value)
        if row.relative_kind
        else None
    )
    level = row.level
    if level is None and relative is not None and row.reference_price is not None:
        level = relative.apply(row.reference_price)
    rule, basis = level_rule_from_columns(row.level_rule, row.level_params, row.level_basis)
    kind = ClaimKind(row.kind)
    return Claim(
        symbol=row.symbol,
        asset=row.asset,
        kind=kind,
        level=level,
        made_on=row.made_on,
        window_start=row.window_start,
        deadline=row.deadline,
        relative=relative,
        reference_price=row.reference_price,
        assumptions=tuple(json.loads(row.assumptions)) if row.assumptions else (),
        versus_symbol=row.versus_symbol,
        versus_asset=row.versus_asset,
        versus_reference_price=row.versus_reference_price,
        margin=row.margin,
        level_rule=rule,
        level_basis=basis,
        level_note=row.level_note,
        upper=row.upper_level,
        statement=vague_statement(row.normalized) if kind.is_vague else None,
    )


def is_logged_late(created_at: datetime, made_on: date, window_start: date, kind: str = "") -> bool:
    """Logged after a full day of the window had passed: hindsight could pick winners.

    A vague call has no window, and nothing for hindsight to pick.
    """
    if kind == ClaimKind.VAGUE:
        return False
    return logged_after_window_opened(as_utc(created_at).date(), made_on, window_start)


def logged_after_window_opened(logged_on: date, made_on: date, window_start: date) -> bool:
    """`is_logged_late` of a claim with a window, from the day it was logged."""
    return logged_on > max(window_start, made_on + timedelta(days=1))


def record_from_row(row: Row, tags: tuple[str, ...]) -> ClaimRecord:
    """A row of `listing_rows` as a record."""
    claim = claim_from_row(row)
    return ClaimRecord(
        id=row.id,
        source=row.source_name,
        source_kind=row.source_kind,
        symbol=row.symbol,
        asset=row.asset,
        kind=row.kind,
        level=claim.level,
        upper=claim.upper,
        relative=claim.relative.text() if claim.relative else None,
        reference_price=row.reference_price,
        level_rule=claim.level_rule.text() if claim.level_rule else None,
        level_params=claim.level_rule.params() if claim.level_rule else None,
        level_basis=claim.level_basis,
        level_note=row.level_note,
        made_on=row.made_on,
        window_start=row.window_start,
        deadline=row.deadline,
        probability=row.probability,
        status=row.status,
        text=row.text,
        normalized=row.normalized,
        description=claim.describe(),
        assumptions=claim.assumptions,
        url=row.url,
        quote=row.quote,
        tags=tags,
        fingerprint=row.fingerprint,
        revises_id=row.revises_id,
        void_reason=row.void_reason,
        created_at=as_utc(row.created_at),
        logged_late=is_logged_late(row.created_at, row.made_on, row.window_start, row.kind),
        evidence_date=row.evidence_date,
        evidence_price=row.evidence_price,
        evidence_field=row.evidence_field,
        market_prob=row.market_prob,
        market_sigma=row.market_sigma,
        market_spot=row.market_spot,
        market_note=row.market_note,
        market_computed_at=as_utc(row.market_computed_at) if row.market_computed_at else None,
        open_reason=row.open_reason if row.status == "open" else None,
        open_detail=row.open_detail if row.status == "open" else None,
        versus_symbol=row.versus_symbol,
        versus_asset=row.versus_asset,
        versus_reference_price=row.versus_reference_price,
        margin=row.margin,
        legs=parse_leg_evidence(row.leg_evidence),
    )


def _to_resolution(row: ResolutionRow | Row) -> ResolutionRecord:
    return ResolutionRecord(
        id=row.id,
        outcome=row.outcome,
        method=row.method,
        evidence_date=row.evidence_date,
        evidence_price=row.evidence_price,
        evidence_field=row.evidence_field,
        level_used=row.level_used,
        split_factor=row.split_factor,
        closest_date=row.closest_date,
        closest_price=row.closest_price,
        days_to_touch=row.days_to_touch,
        data_source=row.data_source,
        note=row.note,
        run_id=row.run_id,
        is_current=row.is_current,
        created_at=as_utc(row.created_at),
        claimed_method=row.claimed_method,
        claimed_at=as_utc(row.claimed_at) if row.claimed_at else None,
        legs=parse_leg_evidence(row.leg_evidence),
        bar_quality=row.bar_quality,
    )


def parse_leg_evidence(stored: str | None) -> tuple[dict, ...]:
    """Stored leg evidence as dicts; anything unreadable (a hand edit) reads as none."""
    if not stored:
        return ()
    try:
        legs = json.loads(stored)
    except ValueError:
        return ()
    if not isinstance(legs, list):
        return ()
    return tuple(leg for leg in legs if isinstance(leg, dict))
