"""Reading an import file into claims ready to record.

Pure: text in, `ImportBatch` out; the store records it in one transaction.
Every bad entry is reported (with its line number) before anything is
written, so one typo never leaves half a file in the ledger.

An entry gives its claim as claim-language text (`claim: "gold $5055 by
end-2026"`) or as structured fields (`symbol`/`asset`, `kind`, `level`,
`deadline`, optional `start`; a band's ceiling as `upper`), which is what
`forecast export` writes. A vague call is `vague: true` with its words as
`claim:` (and `symbol`/`asset` if it names one): no level, no deadline.

An import file is untrusted input, so the reader defends the ledger:
- no anchors or aliases (`&a`, `*a`): a 440-byte "billion laughs" file
  expands to gigabytes, and export never writes them;
- no duplicate keys (YAML's "last one wins" would drop a value silently);
- every field has a type (a list is not a source) and a length cap;
- every claim passes the ledger's bounds (`NewClaim.check`), so the error
  names the entry's line instead of failing in the store;
- what a file says about the past is history, not fact: its `created_at` and
  its resolutions are kept as *claimed* (`claimed_created_at`, resolutions
  with method "imported" that are never current), the ledger's own clock
  says when the claim was logged, and the resolver judges it afresh. The one
  exception is a void with its reason: a correction by the source's ledger,
  kept (as an imported resolution) so a known-bad record is not scored.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from sys import intern
from typing import TYPE_CHECKING, Any

import yaml

from ledger.claims import bounds
from ledger.claims.assets import AssetMatch, resolve_asset
from ledger.claims.model import Claim, format_price
from ledger.claims.probability import parse_probability
from ledger.errors import ClaimError, ImportFileError
from ledger.records import (
    RESOLUTION_BAR_QUALITIES,
    RESOLUTION_EVIDENCE,
    SOURCE_KINDS,
    NewClaim,
)
from ledger.rules.verdict import LegEvidence

if TYPE_CHECKING:
    from types import ModuleType


def _parser() -> ModuleType:
    """The claim parser, loaded the first time an entry needs it: a file of plain
    entries (`ledger.transfer.plain_columns`) never does, and the parser's
    vocabularies and patterns are a tenth of a second of start-up."""
    from ledger.claims import parser

    return parser


# libyaml's parser with no implicit typing: every scalar arrives as text and
# this module converts the fields it knows (dates, numbers, booleans). On a
# 100k-entry file PyYAML's per-scalar type resolution would cost more than the
# parsing, and the schema says what each field is anyway.
try:
    SafeLoader: type = yaml.CBaseLoader
except AttributeError:  # libyaml missing: same result, slower
    SafeLoader = yaml.BaseLoader


NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUES = frozenset({"true", "True", "TRUE", "yes", "Yes", "on"})
FALSES = frozenset({"false", "False", "FALSE", "no", "No", "off"})
OUTCOMES = ("true", "false", "void")
STATUSES = ("open", "vague", *OUTCOMES)
# What a resolution in a file may say it was: "imported" is what a ledger
# exports for history it imported itself.
CLAIMED_METHODS = ("auto", "manual", "imported", "revised")

# Longest accepted text of each single-value field, in characters. Fields the
# ledger caps everywhere use bounds.FIELD_LIMITS; the rest are capped at the
# width of their column, or at what a number or a date can need.
_SHORT = 64
ENTRY_LIMITS: dict[str, int] = {
    "source": bounds.FIELD_LIMITS["source"],
    "source_kind": bounds.FIELD_LIMITS["source_kind"],
    "made_on": _SHORT,
    "claim": bounds.FIELD_LIMITS["text"],
    "text": bounds.FIELD_LIMITS["text"],
    "symbol": 40,
    "asset": 100,
    "kind": _SHORT,
    "level": _SHORT,
    "versus": 100,
    "versus_asset": 100,
    "margin": _SHORT,
    "versus_reference_price": _SHORT,
    "upper": _SHORT,
    "vague": _SHORT,
    "start": _SHORT,
    "deadline": _SHORT,
    "probability": _SHORT,
    "prob": _SHORT,
    "url": bounds.FIELD_LIMITS["url"],
    "quote": bounds.FIELD_LIMITS["quote"],
    "key": bounds.FIELD_LIMITS["key"],
    "revises": bounds.FIELD_LIMITS["key"],
    "fingerprint": bounds.FIELD_LIMITS["key"],
    "created_at": _SHORT,
    "reference_price": _SHORT,
    "level_value": _SHORT,
    "level_note": bounds.FIELD_LIMITS["note"],
    "status": _SHORT,
    "void_reason": bounds.FIELD_LIMITS["reason"],
    "note": bounds.FIELD_LIMITS["note"],
    "normalized": bounds.FIELD_LIMITS["text"],
    "market_prob": _SHORT,
    "market_sigma": _SHORT,
    "market_spot": _SHORT,
    "market_note": bounds.FIELD_LIMITS["note"],
    "market_computed_at": _SHORT,
}
LIST_KEYS = {"tags", "assumptions", "resolutions", "level_basis"}
ENTRY_KEYS = set(ENTRY_LIMITS) | LIST_KEYS
SOURCE_LIMITS: dict[str, int] = {
    "name": bounds.FIELD_LIMITS["source"],
    "kind": bounds.FIELD_LIMITS["source_kind"],
    "url": bounds.FIELD_LIMITS["source_url"],
    "notes": bounds.FIELD_LIMITS["source_notes"],
}
SOURCE_KEYS = set(SOURCE_LIMITS)
RESOLUTION_LIMITS: dict[str, int] = {
    "outcome": _SHORT,
    "method": _SHORT,
    "is_current": _SHORT,
    "created_at": _SHORT,
    "evidence_date": _SHORT,
    "evidence_price": _SHORT,
    "evidence_field": 20,
    "level_used": _SHORT,
    "split_factor": _SHORT,
    "closest_date": _SHORT,
    "closest_price": _SHORT,
    "days_to_touch": _SHORT,
    "data_source": 200,
    "note": bounds.FIELD_LIMITS["note"],
    "leg_evidence": 4000,
    "bar_quality": 12,
}
RESOLUTION_KEYS = set(RESOLUTION_LIMITS)
assert set(RESOLUTION_EVIDENCE) <= RESOLUTION_KEYS
MARKET_KEYS = ("market_prob", "market_sigma", "market_spot", "market_note", "market_computed_at")
_MARKET_KEY_SET = frozenset(MARKET_KEYS)
_COMPUTED_LEVEL_KEYS = ("level_value", "level_basis", "level_note")
_COMPUTED_LEVEL_KEY_SET = frozenset(_COMPUTED_LEVEL_KEYS)
# The fields that state a claim; beside claim text they must say the same claim.
STRUCTURED_KEYS = ("symbol", "kind", "level", "upper", "deadline", "start", "versus", "margin")
MAX_ASSUMPTIONS = 20
MAX_DAYS_TO_TOUCH = 366 * bounds.DEADLINE_HORIZON_YEARS


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str | None
    url: str | None
    notes: str | None


@dataclass(frozen=True)
class ImportBatch:
    """A checked import file.

    `resolutions` are resolution rows to append (method "imported", oldest
    first, by entry position): none is current, except the void of an entry
    in `void_reasons`, which the store marks void. `baselines` are the market
    baselines an export carried (the `market_*` columns), by entry position.
    """

    sources: tuple[SourceInfo, ...]
    entries: tuple[NewClaim, ...]
    resolutions: dict[int, tuple[dict[str, Any], ...]]
    void_reasons: dict[int, str]
    baselines: dict[int, dict[str, Any]] = dataclasses.field(default_factory=dict)


def default_today() -> date:
    """The store's "today": the date in the furthest-ahead time zone."""
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def read_import_text(
    text: str,
    *,
    path: str,
    aliases: Mapping[str, str] | None = None,
    today: date | None = None,
) -> ImportBatch:
    """Parse and validate an import file; raise ImportFileError listing every problem."""
    today = today or default_today()
    try:
        data = _load(text)
    except _Refused as exc:
        raise ImportFileError(path, [str(exc)], whole_file=True) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ImportFileError(
            path, [f"{where}not valid YAML ({problem})"], whole_file=True
        ) from exc
    if data is None or _nullable(data) is None:
        raise ImportFileError(
            path, ["the file is empty: see predictions.example.yaml"], whole_file=True
        )
    if isinstance(data, list):
        data = {"predictions": data}
    if not isinstance(data, dict) or "predictions" not in data:
        raise ImportFileError(
            path,
            [
                "expected a list of entries, or a mapping with a 'predictions:' list"
                " (see predictions.example.yaml)"
            ],
            whole_file=True,
        )
    lines = _LineFinder(text)
    problems: list[str] = []

    sources = _read_sources(_nullable(data.get("sources")) or [], lines, problems)
    raw_entries = _nullable(data.get("predictions")) or []
    if not isinstance(raw_entries, list):
        raise ImportFileError(path, ["'predictions:' must be a list of entries"], whole_file=True)
    source_kinds = {s.name.casefold(): s.kind for s in sources}

    entries: list[NewClaim] = []
    resolutions: dict[int, tuple[dict[str, Any], ...]] = {}
    void_reasons: dict[int, str] = {}
    baselines: dict[int, dict[str, Any]] = {}
    keys: dict[str, int] = {}
    key_index: dict[str, int] = {}
    # Each claim's first entry (by fingerprint): its index in the file and what it said.
    first_said: dict[str, tuple[int, NewClaim, str | None]] = {}
    pending_revises: list[tuple[int, str]] = []
    plain_memo = _PlainMemo()
    plain_entries: list[NewClaim | None] = []
    for index, raw in enumerate(raw_entries):  # `_load` has made null fields None
        if index % _PLAIN_STRETCH == 0:
            # Plain entries are read a stretch at a time, a column at a time.
            plain_entries = _read_plain_entries(
                raw_entries[index : index + _PLAIN_STRETCH],
                aliases,
                source_kinds,
                today,
                plain_memo,
            )
        # Each parsed entry is let go once read, so its memory serves the claims
        # built after it: a big file holds its parsed entries or its claims, not
        # both (errors find their lines in the text again, see `_LineFinder`).
        raw_entries[index] = None
        entry = plain_entries[index % _PLAIN_STRETCH]
        if entry is not None:
            history, void_reason, baseline = (), None, None
        else:
            try:
                entry, history, void_reason, baseline = _read_entry(
                    raw, aliases, source_kinds, today
                )
            except _EntryError as exc:
                problems.append(f"line {lines.field_line(index, exc.path)}: {exc}")
                continue
            except ClaimError as exc:
                problems.append(f"line {lines.entry_line(index)}: {exc}")
                continue
        key = raw.get("key")
        if key is not None and key in key_index:
            problems.append(
                f"line {lines.field_line(index, ('key',))}: key {_shorten(key, 40)!r} is"
                f" already the key of the entry on line {lines.entry_line(key_index[key])}:"
                " give each entry a key of its own"
            )
            continue
        fingerprint = entry.fingerprint()
        first = first_said.get(fingerprint)
        if first is not None:
            conflict = _contradiction(first[1], first[2], entry, void_reason)
            if conflict:
                problems.append(
                    f"line {lines.entry_line(index)}: the same claim as line"
                    f" {lines.entry_line(first[0])} ({entry.claim.canonical_text()},"
                    f" {entry.source}, made on {entry.claim.made_on.isoformat()}) with"
                    f" {conflict}: keep one entry, or make them agree"
                )
            else:  # the same entry twice: recorded once, its history once
                entries.append(entry)
            continue
        first_said[fingerprint] = (index, entry, void_reason)
        position = len(entries)
        if key is not None:
            keys[key] = position
            key_index[key] = index
        if raw.get("revises") is not None:
            pending_revises.append((position, raw["revises"]))
        if history:
            resolutions[position] = history
        if void_reason is not None:
            void_reasons[position] = void_reason
        if baseline:
            baselines[position] = baseline
        entries.append(entry)

    for position, revises_key in pending_revises:
        if revises_key in keys:
            target = entries[keys[revises_key]]
            entries[position] = dataclasses.replace(
                entries[position], revises_fingerprint=target.fingerprint()
            )
        else:
            entries[position] = dataclasses.replace(
                entries[position], revises_fingerprint=revises_key
            )
    if problems:
        raise ImportFileError(path, problems)
    return ImportBatch(tuple(sources), tuple(entries), resolutions, void_reasons, baselines)


# Entries read by `_read_plain_entries` at a time: enough that each column's
# distinct values are few beside its length, few enough that a stretch's parsed
# entries and claims are a few megabytes.
_PLAIN_STRETCH = 5000


def _read_plain_entries(
    raws: list[Any],
    aliases: Mapping[str, str] | None,
    source_kinds: Mapping[str, str | None],
    today: date,
    memo: _PlainMemo,
) -> list[NewClaim | None]:
    """Each entry's claim as `_read_plain_entry` reads it (None: read it the general
    way), a column at a time (`ledger.transfer.plain_columns`)."""
    from ledger.transfer.plain_columns import read_plain_entries

    return read_plain_entries(raws, aliases, source_kinds, today, memo)


def _contradiction(
    first: NewClaim, first_void: str | None, again: NewClaim, again_void: str | None
) -> str | None:
    """What a second entry of the same claim says differently, or None when it agrees.

    The fingerprint (source, claim, made_on) makes them one claim, so only one
    can be recorded; keeping either silently would drop what the other said.
    """
    for name in ("probability", "text", "url", "quote", "source_kind", "claimed_created_at"):
        here, there = getattr(again, name), getattr(first, name)
        if here != there:
            return (
                f"a different {name.replace('_', ' ')} ({_said(here)} here, {_said(there)} there)"
            )
    if set(again.tags) != set(first.tags):
        return (
            f"different tags ({_said(sorted(again.tags))} here, {_said(sorted(first.tags))} there)"
        )
    if again.claim.assumptions != first.claim.assumptions:
        return "different assumptions"
    if (again_void is None) != (first_void is None) or again_void != first_void:
        return f"a different void reason ({_said(again_void)} here, {_said(first_void)} there)"
    return None


def _said(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return _shorten(str(value), 40)


# --- YAML: no anchors, no duplicate keys -------------------------------------


class _Refused(Exception):
    """A YAML construct an import file may not use, with its line."""


_NO_KEY = object()
# Fields whose values seldom repeat from entry to entry (a level, words, a link):
# interning one only adds it to the interpreter's table, and takes it out again
# when the entry is let go, for no memory saved (a tenth of `_load` on a
# 100k-entry file).
_SELDOM_REPEATED = frozenset({"level", "claim", "text", "quote", "url", "note", "notes"})


def _load(text: str) -> Any:
    """The file's one document as plain dicts, lists and strings (`_load_events`):
    a file of the common shape is read a line at a time (`yaml_scan.scan`, which
    promises the same result), any other by libyaml's events."""
    from ledger.transfer.yaml_scan import scan

    scanned = scan(text, NULLS, _SELDOM_REPEATED)
    if scanned is not None:
        return scanned
    return _load_events(text)


def _load_events(text: str, *, key_lines: bool = False) -> Any:
    """The file's one document as plain dicts, lists and strings, from libyaml's events.

    PyYAML's composer and constructor are Python even under the C loader, and
    cost ten times what libyaml's parser does on a 100k-entry file; the data
    is built here straight from the parser's events instead. As with
    `BaseLoader`, every scalar is text (tags are not acted on) and a merge key
    is an ordinary key; a mapping's value that YAML reads as null (`~`,
    `null`, nothing) is None, as the reader asks of every field (a list's
    items stay text). Refused, with the line: anchors and aliases (a 440-byte
    "billion laughs" file expands to gigabytes, and export never writes them),
    a key given twice in one mapping (YAML's "last one wins" would drop a
    value silently), a key that is not a single value, and a second document.
    Syntax errors are the parser's own `YAMLError`s.

    The line of each key is needed only to name both lines of a duplicate:
    a file with one is read again with `key_lines`, which keeps them.
    """
    # The innermost open mapping or sequence is held in locals (`parent`, whether it
    # is a mapping, its pending key and that key's line, the line of each key seen
    # (mappings, with `key_lines`), its own line); the ones around it wait on
    # `stack`. Most events are a scalar in a mapping: a few local tests each.
    stack: list[tuple[Any, bool, Any, int, dict[Any, int], int]] = []
    parent: Any = None  # None: at the top, outside every container
    in_mapping = False
    key: Any = _NO_KEY
    key_line = 0
    seen: dict[Any, int] = {}
    line = 0
    root: Any = None
    documents = 0
    nulls = NULLS
    seldom = _SELDOM_REPEATED
    scalar, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    # The loader's events one C call each (`yaml.parse` is a Python generator asking
    # twice per event: 7% of the reading of 1.6 million events).
    loader = SafeLoader(text)
    try:
        for event in iter(loader.get_event, None):
            kind = event.__class__
            if kind is scalar:
                if event.anchor is not None:
                    _refuse_anchor("&", event)
                value: Any = event.value
                if not in_mapping:
                    if parent is None:
                        root = value
                    else:
                        parent.append(value)
                    continue
                if key is _NO_KEY:
                    # Keys and most values (sources, symbols, kinds, days) repeat from
                    # entry to entry: one string each, not one per entry (a fifth of a
                    # million-entry file's parsed size).
                    key = intern(value)
                    if key_lines:
                        key_line = event.start_mark.line + 1
                    continue
                if value in nulls:
                    value = None
                elif key not in seldom:
                    value = intern(value)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None:
                    _refuse_anchor("&", event)
                stack.append((parent, in_mapping, key, key_line, seen, line))
                in_mapping = kind is mapping_start
                parent = {} if in_mapping else []
                key, key_line, seen, line = _NO_KEY, 0, {}, event.start_mark.line
                continue
            elif kind is mapping_end or kind is sequence_end:
                value, ended_line = parent, line
                parent, in_mapping, key, key_line, seen, line = stack.pop()
                if parent is None:
                    root = value
                    continue
                if not in_mapping:
                    parent.append(value)
                    continue
                if key is _NO_KEY:
                    raise _Refused(f"line {ended_line + 1}: not valid YAML (found unhashable key)")
            elif kind is yaml.AliasEvent:
                _refuse_anchor("*", event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(
                        f"line {event.start_mark.line + 1}: not valid YAML (expected a single"
                        " document in the stream, but found another document)"
                    )
                continue
            else:  # stream start and end, document end
                continue
            # `value` is the value of `key` in the mapping `parent`.
            if key in parent:
                if not key_lines:
                    return _load_events(text, key_lines=True)
                raise _Refused(
                    f"line {key_line}: duplicate key {_shorten(str(key), 40)!r} (first on line"
                    f" {seen[key]}): give each field once"
                )
            if key_lines:
                seen[key] = key_line
            parent[key] = value
            key = _NO_KEY
    finally:
        loader.dispose()
    return root


def _refuse_anchor(sign: str, event: Any) -> None:
    raise _Refused(
        f"line {event.start_mark.line + 1}: YAML anchors and aliases"
        f" ({sign}{_shorten(event.anchor, 40)}) are not accepted in an import"
        " file: write each value out"
    )


# --- sources -------------------------------------------------------------------


def _read_sources(raw: Any, lines: _LineFinder, problems: list[str]) -> list[SourceInfo]:
    if not isinstance(raw, list):
        problems.append("'sources:' must be a list of {name, kind, url, notes}")
        return []
    out = []
    for index, item in enumerate(raw):
        try:
            out.append(_read_source(item))
        except _EntryError as exc:
            problems.append(f"line {lines.source_line(index, exc.path)}: {exc}")
    return out


def _read_source(item: Any) -> SourceInfo:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise _EntryError("a source is a name or a mapping {name, kind, url, notes}")
    item = {key: _nullable(value) for key, value in item.items()}
    unknown = set(item) - SOURCE_KEYS
    if unknown:
        raise _EntryError(f"unknown source field(s) {_names(unknown)}")
    for key, value in item.items():
        _check_scalar(value, key, SOURCE_LIMITS[key], "source " + key)
    if not (item.get("name") or "").strip():
        raise _EntryError("a source needs a name")
    kind = item.get("kind")
    if kind is not None and kind.lower() not in SOURCE_KINDS:
        raise _EntryError(
            f"source kind {_shorten(kind, 40)!r} is not one of {', '.join(SOURCE_KINDS)}", "kind"
        )
    return SourceInfo(
        name=item["name"].strip(),
        kind=kind.lower() if kind else None,
        url=_opt_str(item.get("url")),
        notes=_opt_str(item.get("notes")),
    )


# --- entries -------------------------------------------------------------------


def _read_entry(
    raw: Any,
    aliases: Mapping[str, str] | None,
    source_kinds: Mapping[str, str | None],
    today: date,
) -> tuple[NewClaim, tuple[dict[str, Any], ...], str | None, dict[str, Any] | None]:
    if not isinstance(raw, dict):
        raise _EntryError("an entry must be a mapping with source, made_on and claim")
    if not ENTRY_KEYS.issuperset(raw):
        unknown = set(raw) - ENTRY_KEYS
        raise _EntryError(
            f"unknown field(s) {_names(unknown)}: known fields are source, made_on, "
            "claim (or symbol, kind, level, upper, deadline), vague, probability, url, quote,"
            " tags, revises"
        )
    for key, value in raw.items():  # the fast test first: this runs for every field
        if (
            value is not None
            and key not in LIST_KEYS
            and (value.__class__ is not str or len(value) > ENTRY_LIMITS[key])
        ):
            _check_scalar(value, key, ENTRY_LIMITS[key])
    source = _opt_str(raw.get("source"))
    if not source:
        raise _EntryError("no source: add 'source: NAME'")
    made_on = _date(raw.get("made_on"), "made_on")
    if made_on is None:
        raise _EntryError("no made_on: add 'made_on: 2025-11-20' (the day the call was made)")
    try:  # before any parsing: a deadline phrase counted from year 1 or 9999 overflows
        bounds.check_made_on(made_on, today)
    except bounds.BoundsError as exc:
        raise _EntryError(str(exc), "made_on") from None

    try:
        claim, text = _read_claim(raw, made_on, aliases)
    except OverflowError:  # a number the parser's arithmetic cannot hold
        raise _EntryError("a number in this claim is out of range") from None
    assumptions = _text_list(raw.get("assumptions"), "assumptions", MAX_ASSUMPTIONS, "text")
    if assumptions:
        claim = dataclasses.replace(claim, assumptions=assumptions)
    if raw.get("reference_price") is not None:
        reference = _number(raw["reference_price"], "reference_price")
        if not reference > 0:
            raise _EntryError("reference_price must be positive", "reference_price")
        _bounded(bounds.check_price, reference, "reference_price")
        if claim.relative is not None:
            claim = dataclasses.replace(
                claim, reference_price=reference, level=claim.relative.apply(reference)
            )
        elif claim.is_outperformance:
            claim = dataclasses.replace(claim, reference_price=reference)
    if raw.get("versus_reference_price") is not None and claim.is_outperformance:
        reference = _number(raw["versus_reference_price"], "versus_reference_price")
        if not reference > 0:
            raise _EntryError("versus_reference_price must be positive", "versus_reference_price")
        _bounded(bounds.check_price, reference, "versus_reference_price")
        claim = dataclasses.replace(claim, versus_reference_price=reference)

    claim = _computed_level(raw, claim)

    probability = raw.get("probability", raw.get("prob"))
    if probability is not None:
        probability = parse_probability(probability)
    tags = _text_list(raw.get("tags"), "tags", bounds.MAX_TAGS, "tag", split_words=True)
    claimed_created_at = _timestamp(raw.get("created_at"), "created_at")
    entry = NewClaim(
        source=source,
        source_kind=_opt_str(raw.get("source_kind")) or source_kinds.get(source.casefold()),
        claim=claim,
        text=text,
        probability=probability,
        url=_opt_str(raw.get("url")),
        quote=_opt_str(raw.get("quote")),
        tags=tags,
        claimed_created_at=claimed_created_at,
    )
    entry.check(today)  # a BoundsError (a ClaimError) names the entry's line
    history, claimed_current = _read_history(raw.get("resolutions"))
    void_reason = _void_reason(raw, claimed_current)
    if void_reason is not None:
        history = _with_current_void(history, void_reason)
    return entry, history, void_reason, _market_baseline(raw, claim)


_UNSEEN: Any = object()

# The fields of the plainest entry, the one most files hold most of: a structured
# claim on one asset, with the context a claim carries and nothing else.
_PLAIN_ENTRY_KEYS = frozenset(
    {
        "source",
        "made_on",
        "symbol",
        "asset",
        "kind",
        "level",
        "deadline",
        "probability",
        "tags",
        "text",
        "url",
        "quote",
        "source_kind",
    }
)


@dataclass
class _PlainMemo:
    """What the fields of a file's plain entries were read as, by their text.

    Plain entries repeat their values (a few hundred sources, a few thousand
    days, a hundred probabilities, a few tag lists): each text is read once
    per file, and `_load` has interned it, so a lookup is one dict probe.
    A text that does not read (None here) sends its entry the general way.
    """

    assets: dict[str, AssetMatch | None] = dataclasses.field(default_factory=dict)
    days: dict[str, date | None] = dataclasses.field(default_factory=dict)
    probabilities: dict[str, float | None] = dataclasses.field(default_factory=dict)
    tags: dict[tuple[Any, ...], tuple[str, ...] | None] = dataclasses.field(default_factory=dict)

    def asset(self, written: str, aliases: Mapping[str, str] | None) -> AssetMatch | None:
        match = self.assets.get(written, _UNSEEN)
        if match is _UNSEEN:
            try:
                match = resolve_asset(written, aliases)
            except ClaimError:
                match = None
            self.assets[written] = match
        return match

    def day(self, written: str) -> date | None:
        day = self.days.get(written, _UNSEEN)
        if day is _UNSEEN:
            try:
                day = date.fromisoformat(written.strip())
            except ValueError:
                day = None
            self.days[written] = day
        return day

    def probability(self, written: str) -> float | None:
        value = self.probabilities.get(written, _UNSEEN)
        if value is _UNSEEN:
            try:
                value = parse_probability(written)
            except ClaimError:
                value = None
            self.probabilities[written] = value
        return value

    def tag_list(self, written: Any) -> tuple[str, ...] | None:
        # A list of texts, or one text (split into words): the key keeps the two apart.
        key = tuple(written) if written.__class__ is list else (None, written)
        try:
            tags = self.tags.get(key, _UNSEEN)
        except TypeError:  # an item that is a list or mapping: not plain
            return None
        if tags is _UNSEEN:
            try:
                tags = _text_list(written, "tags", bounds.MAX_TAGS, "tag", split_words=True)
            except _EntryError:
                tags = None
            self.tags[key] = tags
        return tags


def _read_plain_entry(
    raw: Any,
    aliases: Mapping[str, str] | None,
    source_kinds: Mapping[str, str | None],
    today: date,
    memo: _PlainMemo,
) -> NewClaim | None:
    """The entry `_read_entry` reads from a plain structured entry, in fewer steps;
    None for any other entry, and for one with any problem.

    Plain: only the fields of `_PLAIN_ENTRY_KEYS`, each a short enough text,
    made_on and deadline ISO dates, a level kind by its exact name, a plain
    decimal level (see `plain_fields_claim`). A file of such entries is what
    scripts and the bench write, and the general path's dispatch on every
    shape a field may take was most of a 100k-entry import's reading. None
    never means "wrong": the caller reads that entry the general way, which
    gives every message and line, so a bad entry reads as it always did
    (tests/transfer/test_plain_entries.py holds both paths to the same entry).
    `memo` keeps what each repeated text (asset, day, probability, tags) read
    as for the rest of the file.

    An import reads its plain entries a column at a time instead
    (`_read_plain_entries`); this one-entry reading is the definition that
    reader is held to (tests/transfer/test_plain_columns.py).
    """
    if raw.__class__ is not dict or not _PLAIN_ENTRY_KEYS.issuperset(raw):
        return None
    for key, value in raw.items():
        if (
            value is not None
            and key != "tags"
            and (value.__class__ is not str or len(value) > ENTRY_LIMITS[key])
        ):
            return None
    get = raw.get
    source = _opt_str(get("source"))
    made_on_text = get("made_on")
    deadline_text = get("deadline")
    kind = get("kind")
    level = _plain_number(get("level"))
    asset = get("symbol") or get("asset")
    if (
        not source
        or made_on_text is None
        or deadline_text is None
        or kind is None
        or level.__class__ is not float
        or not asset
    ):
        return None
    made_on = memo.day(made_on_text)
    deadline = memo.day(deadline_text)
    if made_on is None or deadline is None or not bounds.EARLIEST_MADE_ON <= made_on <= today:
        return None
    match = memo.asset(asset, aliases)
    if match is None:
        return None
    claim = _parser().plain_fields_claim(
        asset=match, kind=kind, level=level, deadline=deadline, made_on=made_on
    )
    if claim is None:
        return None
    if get("asset") and get("symbol"):
        claim = dataclasses.replace(claim, asset=raw["asset"])
    probability = get("probability")
    if probability is not None:
        probability = memo.probability(probability)
        if probability is None:
            return None
    tags: tuple[str, ...] | None = ()
    if get("tags") is not None:
        tags = memo.tag_list(raw["tags"])
        if tags is None:
            return None
    try:
        entry = NewClaim(
            source=source,
            source_kind=_opt_str(get("source_kind")) or source_kinds.get(source.casefold()),
            claim=claim,
            text=_opt_str(get("text")) or claim.canonical_text(),
            probability=probability,
            url=_opt_str(get("url")),
            quote=_opt_str(get("quote")),
            tags=tags,
        )
        entry.check(today)
    except (ClaimError, _EntryError):
        return None
    return entry


def _read_claim(
    raw: Mapping[str, Any], made_on: date, aliases: Mapping[str, str] | None
) -> tuple[Claim, str]:
    """The claim an entry states, from claim text or structured fields, and its text."""
    if raw.get("vague") is not None and _boolean(raw["vague"], "vague"):
        return _read_vague(raw, made_on, aliases)
    if raw.get("claim") is not None:
        claim_text = raw["claim"]
        claim = _parser().parse_claim(claim_text, made_on=made_on, aliases=aliases)
        _check_fields_agree(raw, claim, made_on, aliases)
        text = _opt_str(raw.get("text")) or claim_text
    elif raw.get("kind") is not None:
        asset = raw.get("symbol") or raw.get("asset")
        if not asset:
            raise _EntryError("a structured entry needs 'symbol' (or 'asset')")
        level = raw.get("level")
        outperform = str(raw["kind"]).strip().lower() == "outperform"
        if level is None and not outperform:
            raise _EntryError("a structured entry needs 'level' (a price, or '+20%')")
        if level is not None:
            _check_plain_level(level)
        if raw.get("upper") is not None:
            _check_plain_level(raw["upper"])
        claim = _parser().claim_from_fields(
            asset=asset,
            kind=raw["kind"],
            # A band's messages quote its bounds as written: only a lone level is read fast.
            level=_plain_number(level) if raw.get("upper") is None else level,
            upper=raw.get("upper"),
            deadline=_date_or_text(raw.get("deadline"), "deadline"),
            made_on=made_on,
            start=_date_or_text(raw.get("start"), "start") if raw.get("start") else None,
            aliases=aliases,
            versus=raw.get("versus"),
            margin=raw.get("margin"),
        )
        if raw.get("asset") and raw.get("symbol"):
            claim = dataclasses.replace(claim, asset=raw["asset"])
        if raw.get("versus_asset") and claim.is_outperformance:
            claim = dataclasses.replace(claim, versus_asset=raw["versus_asset"])
        text = _opt_str(raw.get("text")) or claim.canonical_text()
    else:
        raise _EntryError(
            "no claim: add 'claim: \"gold $5055 by end-2026\"' or the fields symbol, kind, "
            "level, deadline"
        )
    return claim, text


def _check_fields_agree(
    raw: Mapping[str, Any], claim: Claim, made_on: date, aliases: Mapping[str, str] | None
) -> None:
    """Structured fields beside claim text must state the same claim.

    Recording the text and ignoring a `level:` or `kind:` that says otherwise
    would record a claim the file did not (only) say. The fields given are
    laid over the text's own reading, and the claim they then make must be
    the text's claim.
    """
    given = [key for key in STRUCTURED_KEYS if raw.get(key) is not None]
    if not given:
        return
    stated: dict[str, Any] = {
        "symbol": claim.symbol,
        "kind": claim.kind.value,
        "level": (
            claim.level_rule.text()
            if claim.level_rule
            else claim.relative.text()
            if claim.relative
            else claim.level
        ),
        "upper": claim.upper,
        "deadline": claim.deadline,
        "start": claim.window_start,
        "versus": claim.versus_symbol,
        "margin": claim.margin,
    }
    fields = {**stated, **{key: raw[key] for key in given}}
    try:
        from_fields: Claim | None = _parser().claim_from_fields(
            asset=fields["symbol"],
            kind=fields["kind"],
            level=fields["level"],
            upper=fields["upper"],
            deadline=_date_or_text(str(fields["deadline"]), "deadline"),
            start=_date_or_text(str(fields["start"]), "start"),
            made_on=made_on,
            aliases=aliases,
            versus=fields["versus"],
            margin=fields["margin"],
        )
    except (ClaimError, OverflowError, ValueError):
        from_fields = None
    if from_fields is not None and from_fields.canonical_text() == claim.canonical_text():
        return
    named = ", ".join(f"{key}: {_shorten(str(raw[key]), 40)}" for key in given)
    raise _EntryError(
        f"the claim text reads as '{claim.canonical_text()}' but the entry also gives {named},"
        " which says otherwise: give the claim as text or as fields, not both (or make"
        " them agree)"
    )


def _market_baseline(raw: Mapping[str, Any], claim: Claim) -> dict[str, Any] | None:
    """The market baseline an export carried (what the market implied on made_on).

    Restored as the source ledger computed it, so an export re-imports with
    its baselines; `market_computed_at` says when, and a resolve run leaves a
    claim that has one alone. `forecast baseline --recompute` recomputes them
    from this ledger's own prices.
    """
    if _MARKET_KEY_SET.isdisjoint(raw):  # the common case, asked for cheaply
        return None
    given = [key for key in MARKET_KEYS if raw.get(key) is not None]
    if not given:
        return None
    if claim.kind.is_vague:
        raise _EntryError(f"a vague call has no market baseline: drop '{given[0]}'", given[0])
    baseline: dict[str, Any] = {}
    if raw.get("market_prob") is not None:
        prob = _finite(raw["market_prob"], "market_prob")
        if not 0.0 <= prob <= 1.0:
            raise _EntryError(f"market_prob {prob!r} is not between 0 and 1", "market_prob")
        baseline["market_prob"] = prob
    for key in ("market_sigma", "market_spot"):
        if raw.get(key) is not None:
            value = _finite(raw[key], key)
            if value < 0:
                raise _EntryError(f"{key} {value!r} is negative", key)
            baseline[key] = value
    baseline["market_note"] = _opt_str(raw.get("market_note"))
    computed_at = _timestamp(raw.get("market_computed_at"), "market_computed_at")
    return {
        "market_prob": None,
        "market_sigma": None,
        "market_spot": None,
        **baseline,
        "market_computed_at": computed_at,
    }


def _computed_level(raw: Mapping[str, Any], claim: Claim) -> Claim:
    """A computed level an export carried: the value its rule gave, the bars, the reading.

    Kept like a relative level's reference close: the file says what the
    rule read on made_on. Without `level_value` the level comes in pending
    and the next resolve run reads it from the bars itself.
    """
    if claim.level_rule is None and _COMPUTED_LEVEL_KEY_SET.isdisjoint(raw):
        return claim  # the common case, asked for cheaply
    given = [key for key in _COMPUTED_LEVEL_KEYS if raw.get(key)]
    if claim.level_rule is None:
        if given:
            raise _EntryError(
                f"{given[0]} belongs to a computed level (like 'support(60d,pivot3)'),"
                " and this claim states its level",
                given[0],
            )
        return claim
    if raw.get("level_value") is None:
        if given:
            raise _EntryError(f"{given[0]} without level_value: give both, or neither", given[0])
        return claim
    value = _number(raw["level_value"], "level_value")
    if not value > 0:
        raise _EntryError("level_value must be positive", "level_value")
    _bounded(bounds.check_price, value, "level_value")
    basis = tuple(
        _date(day, "level_basis")
        for day in _text_list(raw.get("level_basis"), "level_basis", 2, "tag")
    )
    late = [day for day in basis if day is not None and day > claim.made_on]
    if late:
        raise _EntryError(
            f"level_basis {late[0].isoformat()} is after made_on {claim.made_on.isoformat()}:"
            " a computed level comes from bars dated on or before the call",
            "level_basis",
        )
    return dataclasses.replace(
        claim,
        level=float(format_price(value)),
        level_basis=tuple(day for day in basis if day is not None),
        level_note=_opt_str(raw.get("level_note")),
    )


def _read_vague(
    raw: Mapping[str, Any], made_on: date, aliases: Mapping[str, str] | None
) -> tuple[Claim, str]:
    """A vague call: the words said, and the asset if the entry names one."""
    for key in (
        "level",
        "upper",
        "deadline",
        "start",
        "probability",
        "prob",
        "reference_price",
        *MARKET_KEYS,
    ):
        if raw.get(key) is not None:
            raise _EntryError(
                f"a vague call has no {key.replace('_', ' ')}: drop '{key}', or drop"
                " 'vague: true' to record a claim prices can judge",
                key,
            )
    kind = raw.get("kind")
    if kind is not None and kind.strip().lower() != "vague":
        raise _EntryError(f"'vague: true' and kind {_shorten(kind, 40)!r} contradict", "kind")
    said = raw.get("claim") or raw.get("text")
    if not said:
        raise _EntryError("a vague call needs its words: add 'claim: \"the squeeze is not over\"'")
    named = raw.get("symbol") or raw.get("asset") or None
    claim = _parser().parse_vague(said, made_on=made_on, asset=named, aliases=aliases)
    if raw.get("asset") and raw.get("symbol"):
        claim = dataclasses.replace(claim, asset=raw["asset"])
    return claim, _opt_str(raw.get("text")) or said


# A positive decimal of at most 10 significant digits (what export writes): read
# as a number, it makes the very claim its text makes, without the level parser.
_PLAIN_DECIMAL = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12})?")


def _plain_number(level: str | None) -> str | float | None:
    """A plain decimal level as a float (the parser's fast path); anything else as given."""
    if level is None or _PLAIN_DECIMAL.fullmatch(level) is None:
        return level
    digits = level.replace(".", "").strip("0") if "." in level else level.lstrip("0")
    value = float(level)
    return value if value > 0 and len(digits) <= 10 else level


def _check_plain_level(level: str) -> None:
    """A level written as a plain number is checked before parsing: rounding
    1.7976931348e308 to ten digits already overflows."""
    try:
        number = float(level.strip().lstrip("$").replace(",", ""))
    except ValueError:
        return  # "$5.1k", "+20%", "x2": the parser reads these
    _bounded(bounds.check_price, number, "level")


def _void_reason(raw: Mapping[str, Any], claimed_current: dict[str, Any] | None) -> str | None:
    """The reason of a void claim, or None; a reason on a claim that is not void is refused.

    A claim is void in the file when it says `status: void` or, without a
    status, when the resolution the file calls current is a void.
    """
    reason = _opt_str(raw.get("void_reason"))
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        raise _EntryError(
            f"status {_shorten(status, 40)!r} is not one of {', '.join(STATUSES)}", "status"
        )
    if status == "void" and reason is None:
        raise _EntryError("a void claim needs its reason: add 'void_reason: ...'", "status")
    if reason is None:
        return None
    if status is None:
        status = claimed_current["outcome"] if claimed_current else "open"
    if status != "void":
        raise _EntryError(
            f"void_reason on a claim that is {status}, not void: remove it, or give 'status: void'",
            "void_reason",
        )
    return reason


def _with_current_void(
    history: tuple[dict[str, Any], ...], reason: str
) -> tuple[dict[str, Any], ...]:
    """The void that makes the claim void is the one current resolution."""
    voids = [h for h in history if h["outcome"] == "void"]
    if voids:
        voids[-1]["is_current"] = True
        return history
    return (*history, _imported({"outcome": "void", "note": reason}, current=True))


def _read_history(raw: Any) -> tuple[tuple[dict[str, Any], ...], dict[str, Any] | None]:
    """Resolution rows, oldest first, and the one the file calls current (its last
    `is_current: true`, else its last): history only, never a verdict."""
    if raw is None:
        return (), None
    if not isinstance(raw, list):
        raise _EntryError("resolutions must be a list", "resolutions")
    rows = []
    current = None
    for index, item in enumerate(raw):
        row, claimed_current = _read_resolution(item, index)
        rows.append(row)
        if claimed_current:
            current = row
    if current is None and rows:
        current = rows[-1]
    return tuple(rows), current


def _read_resolution(item: Any, index: int) -> tuple[dict[str, Any], bool]:
    where: tuple[Any, ...] = ("resolutions", index)
    if not isinstance(item, dict):
        raise _EntryError(
            "a resolution must be a mapping with outcome: true, false or void", *where
        )
    item = {key: _nullable(value) for key, value in item.items()}
    unknown = set(item) - RESOLUTION_KEYS
    if unknown:
        raise _EntryError(f"unknown resolution field(s) {_names(unknown)}", *where)
    for key, value in item.items():
        _check_scalar(value, key, RESOLUTION_LIMITS[key], f"resolution {key}", *where, key)
    if item.get("outcome") not in OUTCOMES:
        raise _EntryError("a resolution needs outcome: true, false or void", *where, "outcome")
    method = item.get("method") or "auto"
    if method not in CLAIMED_METHODS:
        raise _EntryError(
            f"resolution method {_shorten(method, 40)!r} is not one of"
            f" {', '.join(CLAIMED_METHODS)}",
            *where,
            "method",
        )
    values: dict[str, Any] = {"outcome": item["outcome"]}
    try:
        for key in ("evidence_date", "closest_date"):
            values[key] = _date(item.get(key), key)
        for key in ("evidence_price", "level_used", "split_factor", "closest_price"):
            if item.get(key) is not None:
                values[key] = _finite(item[key], key)
        if item.get("days_to_touch") is not None:
            values["days_to_touch"] = _days(item["days_to_touch"])
        claimed_current = (
            _boolean(item["is_current"], "is_current")
            if item.get("is_current") is not None
            else False
        )
        claimed_at = _timestamp(item.get("created_at"), "created_at")
    except _EntryError as exc:
        raise _EntryError(str(exc), *where, *exc.path) from None
    for key in ("evidence_field", "data_source", "note"):
        values[key] = item.get(key)
    if item.get("leg_evidence") is not None:
        values["leg_evidence"] = _leg_evidence(item["leg_evidence"], *where)
    if item.get("bar_quality") is not None:
        if item["bar_quality"] not in RESOLUTION_BAR_QUALITIES:
            raise _EntryError(
                f"resolution bar_quality must be one of {', '.join(RESOLUTION_BAR_QUALITIES)}",
                *where,
                "bar_quality",
            )
        values["bar_quality"] = item["bar_quality"]
    values["claimed_method"] = method
    values["claimed_at"] = claimed_at
    return _imported(values, current=False), claimed_current


def _leg_evidence(text: str, *where: Any) -> str:
    """A resolution's leg evidence: JSON text of at most two legs, each checked and rewritten."""
    try:
        legs = json.loads(text)
        if not isinstance(legs, list) or len(legs) > 2:
            raise ValueError("not a list of at most two legs")
        checked = [LegEvidence.from_json(leg).to_json() for leg in legs]
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise _EntryError(
            f"resolution leg_evidence is not JSON of the legs an export writes: {error}",
            *where,
            "leg_evidence",
        ) from None
    for leg in checked:
        for key in ("start_price", "end_price"):
            if leg[key] is not None and not math.isfinite(leg[key]):
                raise _EntryError(f"resolution leg_evidence {key} is not finite", *where)
    return json.dumps(checked)


def _imported(values: dict[str, Any], *, current: bool) -> dict[str, Any]:
    return {**values, "method": "imported", "is_current": current}


# --- values ----------------------------------------------------------------------


class _EntryError(Exception):
    """A problem with one entry; `path` leads to the field (keys and list indexes)."""

    def __init__(self, message: str, *path: Any) -> None:
        super().__init__(message)
        self.path = path


def _check_scalar(value: Any, key: str, limit: int, label: str | None = None, *path: Any) -> None:
    """A single value (text), no longer than `limit`: not a list, not a mapping."""
    label = label or key
    where = path or (key,)
    if value is None:
        return
    if not isinstance(value, str):
        raise _EntryError(f"{label} must be a single value, not a {_shape(value)}", *where)
    if len(value) > limit:
        raise _EntryError(
            f"{label} is {len(value):,} characters long: at most {limit:,} are accepted", *where
        )


def _text_list(
    raw: Any, key: str, max_items: int, limit_field: str, *, split_words: bool = False
) -> tuple[str, ...]:
    """A list of short texts (tags, assumptions); a plain text is one item (or, for
    tags, words split on spaces and commas)."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        longest = (bounds.FIELD_LIMITS[limit_field] + 1) * max_items
        if len(raw) > longest:  # refused before it is split into millions of words
            raise _EntryError(
                f"{key} is {len(raw):,} characters long: at most {longest:,} are accepted", key
            )
        raw = [t for t in raw.replace(",", " ").split() if t] if split_words else [raw]
    if not isinstance(raw, list):
        raise _EntryError(f"{key} must be a list like [gold, banks], not a {_shape(raw)}", key)
    if len(raw) > max_items:
        raise _EntryError(f"{len(raw):,} {key} given: at most {max_items} are accepted", key)
    out = []
    for index, item in enumerate(raw):
        item = _nullable(item)
        if item is None:
            continue
        if not isinstance(item, str):
            raise _EntryError(
                f"each of {key} must be a single value, not a {_shape(item)}", key, index
            )
        try:
            bounds.check_text(item, limit_field)
        except bounds.BoundsError as exc:
            raise _EntryError(str(exc), key, index) from None
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def _nullable(value: Any) -> Any:
    return None if isinstance(value, str) and value in NULLS else value


def _number(value: str, name: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise _EntryError(f"{name} {_shorten(value, 40)!r} is not a number", name) from None


def _finite(value: str, name: str) -> float:
    number = _number(value, name)
    if not math.isfinite(number) or abs(number) > bounds.MAX_PRICE:
        raise _EntryError(
            f"{name} {_shorten(value, 40)} is outside the accepted range"
            f" (finite, at most {bounds.MAX_PRICE:.0e} in magnitude)",
            name,
        )
    return number


def _days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise _EntryError(
            f"days_to_touch {_shorten(value, 40)!r} is not a whole number", "days_to_touch"
        ) from None
    if not 0 <= days <= MAX_DAYS_TO_TOUCH:
        raise _EntryError(f"days_to_touch {days} is out of range", "days_to_touch")
    return days


def _boolean(value: str, name: str) -> bool:
    if value in TRUES:
        return True
    if value in FALSES:
        return False
    raise _EntryError(f"{name} {_shorten(value, 40)!r} is not true or false", name)


def _bounded(check: Any, value: float, name: str) -> None:
    try:
        check(value, name)
    except bounds.BoundsError as exc:
        raise _EntryError(str(exc), name) from None


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _EntryError(
            f"{name} {_shorten(value, 40)!r} is not a date: write YYYY-MM-DD", name
        ) from None


def _timestamp(value: str | None, name: str) -> datetime | None:
    """An ISO timestamp as aware UTC (a timestamp without a zone is taken as UTC)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise _EntryError(
            f"{name} {_shorten(value, 40)!r} is not an ISO timestamp"
            " (write 2025-11-20T09:30:00+00:00)",
            name,
        ) from None


def _date_or_text(value: str | None, name: str) -> date | str:
    if value is None:
        raise _EntryError(f"no {name}: add '{name}: 2026-12-31'")
    text = value.strip()
    try:  # the common case, and what export writes: no phrase parsing needed
        return date.fromisoformat(text)
    except ValueError:
        return text


def _opt_str(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    return text or None


def _shape(value: Any) -> str:
    return {list: "list", dict: "mapping"}.get(type(value), type(value).__name__)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _names(keys: set[Any]) -> str:
    return ", ".join(sorted(_shorten(str(k), 40) for k in keys)[:10])


class _LineFinder:
    """Line numbers of entries and fields, found lazily: only a file with errors pays."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._node: yaml.Node | None = None
        self._loaded = False

    def _root(self) -> yaml.Node | None:
        if not self._loaded:
            self._loaded = True
            try:
                self._node = yaml.compose(self._text, Loader=SafeLoader)
            except yaml.YAMLError:
                self._node = None
        return self._node

    def _item(self, key: str, index: int) -> yaml.Node | None:
        root = self._root()
        if isinstance(root, yaml.SequenceNode) and key == "predictions":
            seq: yaml.Node | None = root
        elif isinstance(root, yaml.MappingNode):
            seq = next((v for k, v in root.value if getattr(k, "value", None) == key), None)
        else:
            seq = None
        if isinstance(seq, yaml.SequenceNode) and index < len(seq.value):
            return seq.value[index]
        return None

    def _line(self, node: yaml.Node | None, path: tuple[Any, ...]) -> int:
        if node is None:
            return 0
        line = node.start_mark.line + 1
        for step in path:
            if isinstance(step, int) and isinstance(node, yaml.SequenceNode):
                if step >= len(node.value):
                    break
                node = node.value[step]
                line = node.start_mark.line + 1
            elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value if k.value == step), None)
                if found is None:
                    break
                line = found[0].start_mark.line + 1
                node = found[1]
            else:
                break
        return line

    def entry_line(self, index: int) -> int:
        return self._line(self._item("predictions", index), ())

    def field_line(self, index: int, path: tuple[Any, ...] = ()) -> int:
        return self._line(self._item("predictions", index), path)

    def source_line(self, index: int, path: tuple[Any, ...] = ()) -> int:
        return self._line(self._item("sources", index), path)
