"""Sources and user aliases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlmodel import Session

from ledger.claims.bounds import check_text
from ledger.claims.fingerprint import source_key
from ledger.errors import NotFoundError, UsageError
from ledger.proof.entries import alias_entry
from ledger.records import SOURCE_KINDS, SourceSummary
from ledger.safe_text import printable
from ledger.store import core_tables, prooflog
from ledger.store.batching import chunks
from ledger.store.core_tables import utcnow

# The ORM classes (`ledger.store.tables`) are imported by the functions that load
# or add rows as objects; `add` and the listings go through the tables.


def check_source_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in SOURCE_KINDS:
        raise UsageError(f"unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}")
    return kind


def ensure_sources(session: Session, names: Iterable[tuple[str, str | None]]) -> dict[str, int]:
    """Ids of the named sources (name_key -> id), creating the missing ones.

    A name given with a kind creates the source with that kind; an existing
    source keeps the kind it has (the ledger does not silently edit records).
    """
    wanted: dict[str, tuple[str, str | None]] = {}
    # Each (name, kind) once, in order of first sight: a repeat changes nothing
    # below, and an import names its few hundred sources 100k times.
    for name, kind in dict.fromkeys(names):
        clean = " ".join(name.split())
        if not clean:
            raise UsageError("a source name is empty: give --source NAME")
        key = source_key(clean)
        if key not in wanted or (kind and not wanted[key][1]):
            wanted[key] = (clean, check_source_kind(kind) if kind else None)
    ids: dict[str, int] = {}
    keys = list(wanted)
    source = core_tables.source.c
    for chunk in chunks(keys):
        for key, source_id in session.execute(
            select(source.name_key, source.id).where(source.name_key.in_(chunk))
        ):
            ids[key] = source_id
    missing = [k for k in keys if k not in ids]
    if missing:
        prooflog.lock_head(session)
        now = utcnow()
        rows = [
            {
                "name": wanted[k][0],
                "name_key": k,
                "kind": wanted[k][1] or ("self" if k in ("self", "me") else "other"),
                "created_at": now,
            }
            for k in missing
        ]
        result = session.execute(
            insert(core_tables.source).returning(
                source.name_key, source.id, sort_by_parameter_order=True
            ),
            rows,
        )
        created = []
        for key, source_id in result:
            ids[key] = source_id
            created.append(source_id)
        prooflog.append(session, prooflog.source_entries(session, created))
    return ids


def describe_sources(
    session: Session, described: Sequence[tuple[str, str | None, str | None, str | None]]
) -> None:
    """Fill in each named source's kind, url and notes when first given (import
    files carry them): (name, kind, url, notes), in the file's order.

    A source of kind "other" takes the kind given, an empty url or notes the
    text given; each source that changes is logged with its new row, in the
    order given. One SELECT and one UPDATE for all of them (an import names a
    few hundred sources); a source changed twice (named twice, each time with
    something new) is written and logged after each change, as it always was.
    """
    source = core_tables.source.c
    state: dict[str, list] = {}
    for chunk in chunks(sorted({source_key(name) for name, *_ in described})):
        query = select(source.name_key, source.id, source.kind, source.url, source.notes)
        for key, *row in session.execute(query.where(source.name_key.in_(chunk))):
            state[key] = row
    changes: list[tuple[int, str, str | None, str | None]] = []
    for name, kind, url, notes in described:
        row = state.get(source_key(name))
        if row is None:
            continue
        before = tuple(row)
        if kind and row[1] == "other":
            row[1] = check_source_kind(kind)
        if url and not row[2]:
            row[2] = url
        if notes and not row[3]:
            row[3] = notes
        if tuple(row) != before:
            changes.append(tuple(row))  # type: ignore[arg-type]
    if not changes:
        return
    prooflog.lock_head(session)
    ids = [change[0] for change in changes]
    parts = [changes] if len(set(ids)) == len(ids) else [[change] for change in changes]
    table = core_tables.source
    for part in parts:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("sid"))
            .values(
                kind=bindparam("new_kind"), url=bindparam("new_url"), notes=bindparam("new_notes")
            ),
            [
                {"sid": sid, "new_kind": kind, "new_url": url, "new_notes": notes}
                for sid, kind, url, notes in part
            ],
        )
        by_id = {
            entry["source_id"]: entry
            for entry in prooflog.source_entries(session, [c[0] for c in part])
        }
        prooflog.append(session, [by_id[change[0]] for change in part])


def source_summaries(session: Session) -> list[SourceSummary]:
    """Every source with its claim counts, in one query."""
    from ledger.store.tables import PredictionRow, SourceRow

    status = PredictionRow.status

    def count(value: str):
        return func.coalesce(func.sum(case((status == value, 1), else_=0)), 0)

    query = (
        select(
            SourceRow.id,
            SourceRow.name,
            SourceRow.kind,
            SourceRow.url,
            SourceRow.notes,
            func.count(PredictionRow.id),
            count("open"),
            count("true"),
            count("false"),
            count("void"),
            count("vague"),
        )
        .join(PredictionRow, PredictionRow.source_id == SourceRow.id, isouter=True)
        .group_by(SourceRow.id)
        .order_by(func.lower(SourceRow.name))
    )
    return [SourceSummary(*row) for row in session.execute(query)]


def user_aliases(session: Session) -> dict[str, str]:
    alias = core_tables.alias.c
    return dict(session.execute(select(alias.alias, alias.symbol)).all())


def add_alias(session: Session, alias: str, symbol: str, *, force: bool = False) -> None:
    """Store `alias` for `symbol`, lower case with single spaces.

    An alias that would shadow a built-in name, a Yahoo symbol or another
    alias changes how claim text reads from then on, so it is refused unless
    `force`, and the refusal says what it would shadow.
    """
    # The asset names compile their patterns on import: listings, which import this
    # module for sources and aliases, never need them.
    from ledger.claims.assets import builtin_names, looks_like_symbol
    from ledger.store.tables import AliasRow

    key = " ".join(alias.split()).lower()
    symbol = symbol.strip()
    if not key or not symbol:
        raise UsageError(
            "an alias needs a name and a symbol: forecast alias add rheinmetall RHM.DE"
        )
    check_text(key, "alias")
    if not looks_like_symbol(symbol):
        raise UsageError(
            f"'{printable(symbol)}' is not a Yahoo symbol: give one like HG=F, AAPL or ^N225"
        )
    builtin = builtin_names().get(key)
    if builtin is not None and builtin != symbol and not force:
        raise UsageError(
            f"{key!r} is a built-in name for {builtin}: an alias would shadow it, and text"
            f" that says {key!r} would read as {printable(symbol)} (choose another name, or"
            " give --force)"
        )
    if looks_like_symbol(alias.strip()) and not force:
        raise UsageError(
            f"'{printable(alias.strip())}' is already a Yahoo symbol: an alias would shadow it"
            " (an alias is a name, like rheinmetall; give --force to shadow it anyway)"
        )
    existing = session.execute(select(AliasRow).where(AliasRow.alias == key)).scalar_one_or_none()
    if existing is not None:
        if existing.symbol == symbol:
            return
        if not force:
            raise UsageError(
                f"alias {key!r} already means {existing.symbol}: remove it first with "
                f"'forecast alias remove {key}', or give --force to re-point it"
            )
        # Re-pointed as a removal and a new alias, so the log replays it as it happened.
        prooflog.lock_head(session)
        session.delete(existing)
        session.flush()
        session.add(AliasRow(alias=key, symbol=symbol))
        prooflog.append(session, [alias_entry(key, symbol)])
        return
    prooflog.lock_head(session)
    session.add(AliasRow(alias=key, symbol=symbol))
    prooflog.append(session, [alias_entry(key, symbol)])


def remove_alias(session: Session, alias: str) -> None:
    from ledger.store.tables import AliasRow

    key = " ".join(alias.split()).lower()
    row = session.execute(select(AliasRow).where(AliasRow.alias == key)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(f"no alias {key!r}: see 'forecast alias list'")
    prooflog.lock_head(session)
    session.delete(row)
    prooflog.append(session, [alias_entry(key, None)])
