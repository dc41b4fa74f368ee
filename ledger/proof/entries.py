"""What the log says, byte for byte: entry types and their canonical form.

An entry is a small JSON object; its bytes are what the Merkle tree commits
to, so they must come out the same from any machine, Python version or
database. The canonical form (README, "Proving your record"):

- UTF-8, keys sorted by code point, no whitespace (`,` and `:` separators),
  non-ASCII characters written as themselves, JSON's own escapes otherwise;
- numbers: integers in decimal; floats as the shortest repr that reads back
  to the same IEEE-754 double (Python's `repr`, e.g. `5055.0`, `0.7`,
  `1e-05`), so a float is written the same whether SQLite or PostgreSQL
  returned it; a stored non-finite float (an old ledger's hand edit) as the
  string "NaN", "Infinity" or "-Infinity";
- dates as `YYYY-MM-DD`; timestamps in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ`
  (always six fraction digits);
- absent values as explicit `null`; every entry has `"v": 1` and a `"type"`.

Which columns an entry carries is decided here as data: a claim's defining
fields are every column of its table except the mutable bookkeeping ones
listed below, so a column another change adds is logged (and guarded) unless
someone decides otherwise.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

FORMAT_VERSION = 1

# Entry types.
CLAIM = "claim"
RESOLUTION = "resolution"
STATUS = "status"
FILLED = "filled"
ALIAS = "alias"
SOURCE = "source"
BACKFILL = "backfill"
REVIEW = "review"
ENTRY_TYPES = (CLAIM, RESOLUTION, STATUS, FILLED, ALIAS, SOURCE, BACKFILL, REVIEW)

# Columns of `prediction` the application changes after recording. Status and
# void reason are still checked (against status entries and resolutions);
# the resolver's bookkeeping and the market baseline are not the claim.
MUTABLE_CLAIM_COLUMNS = frozenset(
    {
        "id",
        "status",
        "void_reason",
        "open_reason",
        "open_detail",
        "checked_at",
        "market_prob",
        "market_sigma",
        "market_spot",
        "market_note",
        "market_computed_at",
    }
)
# Defining columns that may go once from NULL to a value, each change logged:
# a relative claim's reference close (known only when the bars arrive), and the
# revision link (a revision and its target can arrive in one import).
# A computed level ("holds support") is pending until the bars arrive: its level,
# the bars it came from and the reading are filled once, together; an
# outperformance's second reference close likewise.
FILL_ONCE_CLAIM_COLUMNS = frozenset(
    {
        "reference_price",
        "revises_id",
        "level",
        "level_basis",
        "level_note",
        "versus_reference_price",
    }
)
# A resolution is fixed when written except which one is current.
MUTABLE_RESOLUTION_COLUMNS = frozenset({"id", "prediction_id", "is_current"})
MUTABLE_SOURCE_COLUMNS = frozenset({"id"})
# A review action (accept, re-judge on closes) is fixed when written.
MUTABLE_REVIEW_COLUMNS = frozenset({"id"})


def defining_columns(columns: Iterable[str]) -> tuple[str, ...]:
    """A claim table's logged columns, in table order: all but the mutable ones."""
    return tuple(c for c in columns if c not in MUTABLE_CLAIM_COLUMNS)


def plain(value: Any) -> Any:
    """A value in the canonical form's vocabulary (see the module docstring)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, datetime):
        moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"no canonical form for {type(value).__name__}")


_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def canonical(entry: Mapping[str, Any]) -> bytes:
    """The bytes of an entry, as hashed into the tree."""
    return _ENCODER.encode(entry).encode("utf-8")


def canonical_json(value: Any) -> str:
    """Any plain value (an entry, a list, a number...) in the canonical form, as text."""
    return _ENCODER.encode(value)


def _entry(kind: str, **body: Any) -> dict[str, Any]:
    return {"v": FORMAT_VERSION, "type": kind, **body}


def claim_entry(
    claim_id: int, source: str, tags: Iterable[str], fields: Mapping[str, Any]
) -> dict[str, Any]:
    """A recorded claim: every defining field (plain values), its source's name, its tags."""
    return _entry(CLAIM, claim_id=claim_id, source=source, tags=sorted(tags), fields=dict(fields))


def resolution_entry(
    resolution_id: int,
    claim_id: int,
    fields: Mapping[str, Any],
    *,
    current: bool,
    claim_status: str | None,
    void_reason: str | None = None,
) -> dict[str, Any]:
    """A resolution; `current` makes it the claim's current one (the previous
    current one becomes history), `claim_status` is the status it moves the
    claim to (None: unchanged, as for imported history)."""
    return _entry(
        RESOLUTION,
        resolution_id=resolution_id,
        claim_id=claim_id,
        fields=dict(fields),
        current=current,
        claim_status=claim_status,
        void_reason=void_reason,
    )


def status_entry(claim_id: int, status: str, void_reason: str | None) -> dict[str, Any]:
    """A status change with no resolution of its own (an import's void, a backfill).

    Status "open" also ends the claim's current resolution, which stays as
    history: a verdict the corrected data no longer supports, in a window
    that still runs (`ledger.services.corrections`)."""
    return _entry(STATUS, claim_id=claim_id, status=status, void_reason=void_reason)


def filled_entry(claim_id: int, column: str, value: Any) -> dict[str, Any]:
    """A fill-once column going from NULL to `value`."""
    return _entry(FILLED, claim_id=claim_id, column=column, value=value)


def alias_entry(alias: str, symbol: str | None) -> dict[str, Any]:
    """An alias added (`symbol`) or removed (None): aliases change how claims read."""
    return _entry(ALIAS, alias=alias, symbol=symbol)


def source_entry(source_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A source as it now stands (created, or described for the first time)."""
    return _entry(SOURCE, source_id=source_id, fields=dict(fields))


def review_entry(review_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A human's decision about a flagged resolution (`forecast review accept|rejudge`):
    which claim and resolution, the action, and a re-judge's outcome and evidence."""
    return _entry(REVIEW, review_id=review_id, fields=dict(fields))


def backfill_entry(entries_before: int, at: datetime) -> dict[str, Any]:
    """The log was built from an existing ledger's tables at `at`: the
    `entries_before` entries before this one are attested only from then on."""
    return _entry(BACKFILL, entries_before=entries_before, at=plain(at))
