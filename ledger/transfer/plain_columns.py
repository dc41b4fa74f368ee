"""Plain import entries read a column at a time.

An import file of 100k entries is mostly plain structured entries (what
`forecast export` and scripts write: source, made_on, symbol, kind, level,
deadline, and perhaps a probability and tags). Read one entry at a time
(`yaml_import._read_plain_entry`), each entry pays for the dispatch on its
fields, the checks of `NewClaim.check` and a claim's and an entry's making:
a fifth of the import. Here the entries of one stretch of the file are
turned into one list per field; each column is checked once on its distinct
values (a few hundred sources, a few thousand days, a hundred
probabilities), the fingerprint is made from memoised source keys and day
texts, and the claims and entries are made by filling their `__dict__`
(`ledger.claims.frozen`) with what the checks found, marked checked.

The entries made are exactly those `_read_plain_entry` makes (equal, with the
same fingerprint and canonical text; tests/transfer/test_plain_columns.py
holds the three ways of reading to one another). An entry any check refuses,
or any that is not plain, is None: the caller reads it the general way,
which gives every message and its line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import repeat
from typing import Any

from ledger.claims import bounds
from ledger.claims.assets import RATIO_ASSUMPTION
from ledger.claims.fingerprint import source_key
from ledger.claims.frozen import FrozenMaker
from ledger.claims.model import LEVEL_KINDS, Claim, ClaimKind, format_price
from ledger.errors import ClaimError
from ledger.records import NewClaim
from ledger.transfer.yaml_import import (
    _PLAIN_ENTRY_KEYS,
    ENTRY_LIMITS,
    _opt_str,
    _plain_number,
    _PlainMemo,
)

# The level kinds by the exact names `forecast export` writes (as `plain_fields_claim`).
_PLAIN_KINDS: dict[str, ClaimKind] = {kind.value: kind for kind in LEVEL_KINDS}
_FAMILIES = {kind: kind.family for kind in LEVEL_KINDS}
_make_claim = FrozenMaker(Claim)
_make_entry = FrozenMaker(NewClaim)
_NONE = type(None)
_ONE_DAY = timedelta(days=1)
_AVERAGE = "average"
assert bounds.MAX_PRICE >= 1e10  # the whole numbers `_plain_level` reads at once

# The text fields an entry carries into the ledger are capped by the file's
# limits at the ledger's own (`NewClaim.check` would refuse nothing more).
assert all(
    ENTRY_LIMITS[name] <= bounds.FIELD_LIMITS[limit]
    for name, limit in (("text", "text"), ("url", "url"), ("quote", "quote"))
)


def read_plain_entries(
    raws: Sequence[Any],
    aliases: Mapping[str, str] | None,
    source_kinds: Mapping[str, str | None],
    today: date,
    memo: _PlainMemo,
) -> list[NewClaim | None]:
    """For each parsed entry, the `NewClaim` `_read_plain_entry` reads from it, or None
    where that gives None (not a plain entry, or one with any problem)."""
    count = len(raws)
    result: list[NewClaim | None] = [None] * count
    plain = [
        index
        for index, raw in enumerate(raws)
        if raw.__class__ is dict and _PLAIN_ENTRY_KEYS.issuperset(raw)
    ]
    if not plain:
        return result
    rows = [raws[index] for index in plain]
    refused: set[int] = set()  # positions in `rows`
    columns: dict[str, list[Any]] = {}
    for key in _PLAIN_ENTRY_KEYS:
        column = list(map(dict.get, rows, repeat(key)))
        if key != "tags":
            column = _plain_texts(column, ENTRY_LIMITS[key], refused)
        columns[key] = column

    sources = _read_column(columns["source"], _source_text, refused)
    made_on_texts = columns["made_on"]
    deadline_texts = columns["deadline"]
    made_ons = _read_column(made_on_texts, memo.day, refused)
    deadlines = _read_column(deadline_texts, memo.day, refused)
    kinds = _read_column(columns["kind"], _PLAIN_KINDS.get, refused)
    levels = _read_column(columns["level"], _plain_level, refused)
    written_assets = [
        symbol or asset for symbol, asset in zip(columns["symbol"], columns["asset"], strict=True)
    ]
    matches = _read_column(written_assets, lambda text: memo.asset(text, aliases), refused)
    probabilities = _read_optional(columns["probability"], memo.probability, refused)
    tags = _read_tags(columns["tags"], memo, refused)
    source_kind_column = [
        _opt_str(written) or source_kinds.get(source.casefold()) if source is not None else None
        for written, source in zip(columns["source_kind"], sources, strict=True)
    ]
    # Bounds a plain entry's values must meet (`NewClaim.check`); the texts are capped above.
    _refuse_bad_days(made_ons, deadlines, today, refused)
    _refuse_unchecked_texts(sources, source_kind_column, refused)

    keys = {name: source_key(name) for name in set(sources) if name is not None}
    day_texts: dict[date, str] = {}
    asset_column = columns["asset"]
    symbol_column = columns["symbol"]
    text_column = columns["text"]
    url_column = columns["url"]
    quote_column = columns["quote"]
    sha256 = hashlib.sha256
    for position, index in enumerate(plain):
        if position in refused:
            continue
        made_on = made_ons[position]
        deadline = deadlines[position]
        kind = kinds[position]
        level, price = levels[position]
        match = matches[position]
        made_on_text = day_texts.get(made_on) or day_texts.setdefault(made_on, made_on.isoformat())
        deadline_text = day_texts.get(deadline) or day_texts.setdefault(
            deadline, deadline.isoformat()
        )
        day_after = made_on + _ONE_DAY
        notes = [match.note] if match.note else []
        if _FAMILIES[kind] == _AVERAGE:
            # The note `plain_fields_claim` gives a period read from a date alone.
            notes.append(
                f"no averaging period given: the average runs from {day_after.isoformat()}"
                f" (the day after the call) to {deadline_text}"
            )
            canonical = (
                f"{match.symbol} {kind._value_} {price} from {day_after.isoformat()}"
                f" to {deadline_text}"
            )
        else:
            canonical = f"{match.symbol} {kind._value_} {price} by {deadline_text}"
        if "/" in match.symbol:
            notes.append(RATIO_ASSUMPTION)
        asset = match.asset
        if asset_column[position] and symbol_column[position]:
            asset = asset_column[position]
        claim = _make_claim(
            symbol=match.symbol,
            asset=asset,
            kind=kind,
            level=level,
            made_on=made_on,
            window_start=day_after,
            deadline=deadline,
            assumptions=tuple(dict.fromkeys(notes)) if notes else (),
        )
        claim.__dict__["_canonical_text"] = canonical
        source = sources[position]
        payload = f"{keys[source]}\x1f{canonical}\x1f{made_on_text}"
        result[index] = _make_entry(
            source=source,
            claim=claim,
            text=_opt_str(text_column[position]) or canonical,
            source_kind=source_kind_column[position],
            probability=probabilities[position],
            url=_opt_str(url_column[position]),
            quote=_opt_str(quote_column[position]),
            tags=tags[position],
            # What `NewClaim.fingerprint` and `NewClaim.check` keep once they have run.
            _fingerprint=sha256(payload.encode("utf-8")).hexdigest()[:32],
            _checked_on=today,
        )
    return result


def _plain_texts(column: list[Any], limit: int, refused: set[int]) -> list[str | None]:
    """A field's column, each value None or a text of at most `limit` characters:
    the positions of any other value are refused, and it is None in the column."""
    if not set(map(type, column)) <= {str, _NONE}:
        bad = [i for i, value in enumerate(column) if value.__class__ not in (str, _NONE)]
        refused.update(bad)
        column = list(column)
        for i in bad:
            column[i] = None
    long = {value for value in set(column) if value is not None and len(value) > limit}
    if long:
        refused.update(i for i, value in enumerate(column) if value in long)
    return column


def _read_column(column: list[Any], read: Any, refused: set[int]) -> list[Any]:
    """Each value read once (`read` gives None for one that does not read, as for a
    missing one): the readings, and the positions with none refused."""
    readings: dict[Any, Any] = {}
    for value in set(column):
        if value.__class__ is str:
            readings[value] = read(value)
    out = [readings.get(value) for value in column]
    if None in readings.values() or None in column:
        refused.update(i for i, reading in enumerate(out) if reading is None)
    return out


def _read_optional(column: list[Any], read: Any, refused: set[int]) -> list[Any]:
    """As `_read_column`, but a missing value is None and allowed."""
    readings = {value: read(value) for value in set(column) if value is not None}
    out = [None if value is None else readings.get(value) for value in column]
    if None in readings.values():
        refused.update(
            i
            for i, (value, reading) in enumerate(zip(column, out, strict=True))
            if value is not None and reading is None
        )
    return out


def _read_tags(column: list[Any], memo: _PlainMemo, refused: set[int]) -> list[tuple[str, ...]]:
    out: list[Any] = []
    for position, written in enumerate(column):
        if written is None:
            out.append(())
            continue
        tags = memo.tag_list(written)
        if tags is None:
            refused.add(position)
        out.append(tags)
    return out


def _source_text(written: str) -> str | None:
    return _opt_str(written)


def _plain_level(written: str) -> tuple[float, str] | None:
    """A level `plain_fields_claim` takes: a plain decimal, positive, within
    `MAX_PRICE` and already canonical; with its canonical text."""
    if written.isascii() and written.isdigit() and written[0] != "0" and len(written) <= 10:
        # A whole number (what the bench and most exports write): its own canonical
        # text, at most ten digits, positive and within MAX_PRICE (1e12).
        return float(written), written
    level = _plain_number(written)
    if level.__class__ is not float or not 0.0 < level <= bounds.MAX_PRICE:
        return None
    price = format_price(level)
    if float(price) != level:
        return None  # the general path rounds it, with a note
    return level, price


def _refuse_bad_days(
    made_ons: list[date | None], deadlines: list[date | None], today: date, refused: set[int]
) -> None:
    """A day for each, made_on in range (`bounds.check_made_on`), the deadline after
    it (`plain_fields_claim`) and within the horizon (`bounds.check_deadline`)."""
    earliest = bounds.EARLIEST_MADE_ON
    horizon = bounds.DEADLINE_HORIZON_YEARS
    for position, (made_on, deadline) in enumerate(zip(made_ons, deadlines, strict=True)):
        if (
            made_on is None
            or deadline is None
            or not earliest <= made_on <= today
            or deadline <= made_on
        ):
            refused.add(position)
        elif deadline.year >= made_on.year + horizon:  # as `check_deadline` asks first
            try:
                bounds.check_deadline(made_on, deadline)
            except (ClaimError, ValueError):
                refused.add(position)


def _refuse_unchecked_texts(
    sources: list[str | None], source_kinds: list[str | None], refused: set[int]
) -> None:
    """`bounds.check_entry_text`'s source and source kind, once per distinct pair."""
    failed = set()
    for source, kind in set(zip(sources, source_kinds, strict=True)):
        if source is None:
            continue
        try:
            bounds.check_entry_text(source=source, source_kind=kind)
        except ClaimError:
            failed.add((source, kind))
    if failed:
        refused.update(
            i for i, pair in enumerate(zip(sources, source_kinds, strict=True)) if pair in failed
        )
